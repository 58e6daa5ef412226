import type { Idea, IdeaListQuery, MatrixPosition } from "@opencjm/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearch } from "wouter";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { KpisLink } from "../kpis/KpisLink.js";
import { memberListQuery } from "../members/membersQueries.js";
import { BacklogEvidence } from "./BacklogEvidence.js";
import { BacklogFilters } from "./BacklogFilters.js";
import { IdeaDialog } from "./IdeaDialog.js";
import { IdeaScore } from "./IdeaScore.js";
import { moveIdeaOnMatrix } from "./ideasApi.js";
import { ideaListQuery, mapStagesQuery, useReloadIdeas } from "./ideasQueries.js";
import { ImpactEffortMatrix } from "./ImpactEffortMatrix.js";
import styles from "./Ideas.module.css";

/** The filters a backlog address carries (`?mapId=…&status=…`), so a link from a map's badge opens it filtered. */
function queryOf(search: string): IdeaListQuery {
  const params = new URLSearchParams(search);
  const pick = (key: string) => params.get(key) ?? undefined;
  const status = pick("status") as IdeaListQuery["status"];
  const sort = (pick("sort") as IdeaListQuery["sort"]) ?? "ice";
  return { mapId: pick("mapId"), stageId: pick("stageId"), status, ownerId: pick("ownerId"), tag: pick("tag"), sort };
}

/**
 * The idea backlog of a workspace: filters (map, stage, status, owner, tag), ideas ranked by ICE or RICE with the
 * formula beside each score and the evidence at its steps, the impact/effort matrix to drag them across, and the idea
 * editor.
 */
export default function IdeasPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const canWrite = ["owner", "editor"].includes(session?.workspaces.find((w) => w.id === workspaceId)?.role ?? "");
  const search = useSearch();
  const [query, setQuery] = useState<IdeaListQuery>(() => queryOf(search));
  const ideas = useQuery({ ...ideaListQuery(workspaceId, query), placeholderData: (previous) => previous });
  const allIdeas = useQuery(ideaListQuery(workspaceId, {}));
  const maps = useQuery(mapListQuery(workspaceId));
  const members = useQuery(memberListQuery(workspaceId));
  const stages = useQuery({ ...mapStagesQuery(workspaceId, query.mapId ?? ""), enabled: query.mapId !== undefined });
  const reload = useReloadIdeas(workspaceId);
  const [open, setOpen] = useState<Idea | "new" | null>(null);
  const move = useMutation({
    mutationFn: ({ ideaId, position }: { ideaId: string; position: MatrixPosition }) =>
      moveIdeaOnMatrix(workspaceId, ideaId, position),
    onSuccess: () => reload(),
  });

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1>{t("ideas.title")}</h1>
          <p className={styles.lead}>{t("ideas.lead")}</p>
          <KpisLink className={styles.linkButton} />
        </div>
        {canWrite && (
          <Button variant="primary" onClick={() => setOpen("new")} data-testid="new-idea">
            {t("ideas.new")}
          </Button>
        )}
      </header>
      <QueryView queries={[ideas, maps, members, allIdeas]}>
        {(list, mapList, memberList, every) => (
          <>
            <BacklogFilters
              query={query}
              onChange={setQuery}
              choices={{
                maps: mapList,
                stages: stages.data ?? [],
                members: memberList,
                tags: [...new Set(every.flatMap((i) => i.tags))].sort(),
              }}
            />
            {list.length === 0 ? (
              <p className={styles.muted}>{t("ideas.empty")}</p>
            ) : (
              <table className={styles.table} data-testid="idea-backlog">
                <thead>
                  <tr>
                    <th scope="col">{t("ideas.column.idea")}</th>
                    <th scope="col">{t("ideas.column.status")}</th>
                    <th scope="col">{t("ideas.column.ice")}</th>
                    <th scope="col">{t("ideas.column.rice")}</th>
                    <th scope="col">{t("ideas.column.evidence")}</th>
                    <th scope="col">{t("ideas.column.owner")}</th>
                    <th scope="col">{t("ideas.column.links")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((idea) => (
                    <tr key={idea.id} data-testid="idea-row" data-idea-id={idea.id}>
                      <td>
                        <button type="button" className={styles.linkButton} onClick={() => setOpen(idea)}>
                          <bdi>{idea.title}</bdi>
                        </button>
                        {idea.tags.map((tag) => (
                          <span key={tag} className="badge">
                            {tag}
                          </span>
                        ))}
                      </td>
                      <td data-testid="idea-status-cell">{t(`vocabulary.ideaStatus.${idea.status}`)}</td>
                      <td>
                        <IdeaScore idea={idea} kind="ice" />
                      </td>
                      <td>
                        <IdeaScore idea={idea} kind="rice" />
                      </td>
                      <td>
                        <BacklogEvidence workspaceId={workspaceId} idea={idea} />
                      </td>
                      <td>{idea.ownerName && <bdi>{idea.ownerName}</bdi>}</td>
                      <td>
                        {[...idea.anchors, ...idea.steps].map((l, i) => (
                          <div key={i} className={l.missing ? styles.missing : undefined}>
                            <bdi>{l.missing ? t("ideas.links.missing", { label: l.label }) : l.label}</bdi>
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ImpactEffortMatrix
              ideas={list}
              readOnly={!canWrite}
              onMove={(ideaId, position) => move.mutate({ ideaId, position })}
            />
            {open && (
              <IdeaDialog
                key={open === "new" ? "new" : open.id}
                workspaceId={workspaceId}
                idea={open === "new" ? undefined : open}
                mapId={query.mapId}
                members={memberList}
                canWrite={canWrite}
                onClose={() => setOpen(null)}
              />
            )}
          </>
        )}
      </QueryView>
    </main>
  );
}
