import {
  type Idea,
  type IdeaAnchorInput,
  type IdeaCreateRequest,
  type IceInput,
  type MemberInfo,
  type RiceInput,
} from "@opencjm/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { createIdea, deleteIdea, updateIdea } from "./ideasApi.js";
import { IdeaKpiEffect } from "../kpis/IdeaKpiEffect.js";
import type { EffectWindows } from "../kpis/kpisApi.js";
import { IdeaEvidenceList } from "./IdeaEvidenceList.js";
import { ideaEvidenceQuery, useReloadIdeas } from "./ideasQueries.js";
import { IdeaScoreFields } from "./IdeaScoreFields.js";
import { IdeaStatusPanel } from "./IdeaStatusPanel.js";
import { useIdeaError } from "./useIdeaError.js";
import { IdeaComments } from "./IdeaComments.js";
import { useIdeaLinkChoices } from "./ideaLinkChoices.js";
import { IdeaLinkPickers, type IdeaLinkSelection } from "./IdeaLinkPickers.js";
import { mapListQuery } from "../../api/workspaceQueries.js";
import styles from "./Ideas.module.css";

const numberOr = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

/** ICE and RICE as typed: both whole or both empty, so a half-filled score is not sent. */
function scoresOf(ice: string[], rice: string[]): { ice: IceInput | null; rice: RiceInput | null } {
  const [impact, confidence, ease] = ice.map(numberOr);
  const [reach, rImpact, rConfidence, effort] = rice.map(numberOr);
  return {
    ice: impact !== undefined && confidence !== undefined && ease !== undefined ? { impact, confidence, ease } : null,
    rice:
      reach !== undefined && rImpact !== undefined && rConfidence !== undefined && effort !== undefined
        ? { reach, impact: rImpact, confidence: rConfidence, effort }
        : null,
  };
}

/** The links of a stored idea as the pickers edit them. */
function selectionOf(idea: Idea | undefined): IdeaLinkSelection {
  return {
    steps: (idea?.steps ?? []).flatMap((l) => (l.stepId === null ? [] : [{ mapId: l.mapId, stepId: l.stepId }])),
    touchpointIds: idea?.touchpointIds ?? [],
    kpiIds: idea?.kpiIds ?? [],
  };
}

/** Only the lists the user changed, so a stored link to something since removed is not sent back unasked. */
function changedLinks(before: IdeaLinkSelection, after: IdeaLinkSelection): Partial<IdeaLinkSelection> {
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  return {
    ...(same(before.steps, after.steps) ? {} : { steps: after.steps }),
    ...(same(before.touchpointIds, after.touchpointIds) ? {} : { touchpointIds: after.touchpointIds }),
    ...(same(before.kpiIds, after.kpiIds) ? {} : { kpiIds: after.kpiIds }),
  };
}

/**
 * An idea's editor: title, description, owner, tags, ICE and RICE (the formula beside the score), and for a stored
 * idea its links (the steps, touchpoints and KPIs picked from a map's own), status workflow (rejecting asks why), history and the evidence at its linked steps.
 */
export function IdeaDialog({
  workspaceId,
  idea,
  anchors = [],
  mapId,
  members,
  canWrite,
  onClose,
}: {
  workspaceId: string;
  /** The idea to edit; absent to create one. */
  idea?: Idea;
  /** Where a new idea comes from (a pain point, an opportunity, a cell). */
  anchors?: IdeaAnchorInput[];
  /** The map whose steps, touchpoints and KPIs the pickers offer first (else the idea's own map). */
  mapId?: string;
  members: readonly MemberInfo[];
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t, formatDate } = useI18n();
  const describe = useIdeaError();
  const errorId = useId();
  const reload = useReloadIdeas(workspaceId);
  const [title, setTitle] = useState(idea?.title ?? "");
  const [description, setDescription] = useState(idea?.description ?? "");
  const [ownerId, setOwnerId] = useState(idea?.ownerId ?? "");
  const [tags, setTags] = useState(idea?.tags.join(", ") ?? "");
  const [ice, setIce] = useState(() =>
    [idea?.ice?.impact, idea?.ice?.confidence, idea?.ice?.ease].map((v) => (v === undefined ? "" : String(v))),
  );
  const [rice, setRice] = useState(() =>
    [idea?.rice?.reach, idea?.rice?.impact, idea?.rice?.confidence, idea?.rice?.effort].map((v) =>
      v === undefined ? "" : String(v),
    ),
  );
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [current, setCurrent] = useState(idea);
  // The windows the effect panel shows are the ones "Mark as measured" records.
  const [windows, setWindows] = useState<EffectWindows>({ afterDays: 28, beforeDays: null });
  const [links, setLinks] = useState(() => selectionOf(idea));
  const [pickMapId, setPickMapId] = useState(
    () => anchors[0]?.mapId ?? idea?.anchors[0]?.mapId ?? idea?.steps[0]?.mapId ?? mapId ?? "",
  );
  const maps = useQuery(mapListQuery(workspaceId));
  const choices = useIdeaLinkChoices(workspaceId, pickMapId === "" ? undefined : pickMapId);
  const evidence = useQuery({ ...ideaEvidenceQuery(workspaceId, idea?.id ?? ""), enabled: idea !== undefined });

  const save = useMutation({
    mutationFn: async () => {
      const body: IdeaCreateRequest = {
        title,
        description,
        ownerId: ownerId === "" ? null : ownerId,
        tags: tags
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        ...scoresOf(ice, rice),
      };
      return idea
        ? updateIdea(workspaceId, idea.id, { ...body, ...changedLinks(selectionOf(idea), links) })
        : createIdea(workspaceId, { ...body, ...links, anchors });
    },
    onSuccess: async () => {
      await reload();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteIdea(workspaceId, idea!.id),
    onSuccess: async () => {
      await reload();
      onClose();
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const failureError = save.error ?? remove.error;
  const failure = failureError ? describe(failureError) : undefined;
  const scoreProps = { disabled: !canWrite, invalid: failure?.fields ?? new Set<string>(), errorId, idea: current };

  return (
    <Dialog title={idea ? t("ideas.dialog.edit") : t("ideas.dialog.create")} onClose={onClose} testId="idea-dialog">
      <form className={styles.form} onSubmit={handleSubmit}>
        <label>
          {t("ideas.field.title")}
          <input
            value={title}
            required
            maxLength={200}
            dir="auto"
            disabled={!canWrite}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          {t("ideas.field.description")}
          <textarea
            value={description}
            maxLength={20000}
            dir="auto"
            disabled={!canWrite}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label>
          {t("ideas.field.owner")}
          <select value={ownerId} disabled={!canWrite} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t("ideas.field.nobody")}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("ideas.field.tags")}
          <input value={tags} dir="auto" disabled={!canWrite} onChange={(e) => setTags(e.target.value)} />
        </label>
        <IdeaScoreFields kind="ice" values={ice} onChange={setIce} {...scoreProps} />
        <IdeaScoreFields kind="rice" values={rice} onChange={setRice} {...scoreProps} />
        <label>
          {t("ideas.pick.map")}
          <select value={pickMapId} onChange={(e) => setPickMapId(e.target.value)}>
            <option value="">{t("ideas.pick.noMap")}</option>
            {(maps.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <IdeaLinkPickers
          choices={choices}
          value={links}
          knownSteps={idea?.steps}
          disabled={!canWrite}
          onChange={setLinks}
        />
        {failure && (
          <p role="alert" id={errorId} className={styles.error} data-testid="idea-error">
            {failure.message}
          </p>
        )}
        {canWrite && (
          <div className={styles.actions}>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {t("ideas.save")}
            </Button>
            <Button type="button" onClick={onClose}>
              {t("ideas.cancel")}
            </Button>
          </div>
        )}
      </form>
      {current && (
        <div className={styles.details}>
          <IdeaStatusPanel
            workspaceId={workspaceId}
            idea={current}
            canWrite={canWrite}
            measure={
              windows.beforeDays === null
                ? { trialDays: windows.afterDays }
                : { beforeDays: windows.beforeDays, afterDays: windows.afterDays }
            }
            onChanged={async (changed) => {
              setCurrent(changed);
              await reload();
            }}
          />
          <section>
            <h3>{t("ideas.history.title")}</h3>
            <ol className={styles.history}>
              {current.history.map((h, i) => (
                <li key={i}>
                  {t("ideas.history.entry", {
                    status: t(`vocabulary.ideaStatus.${h.status}`),
                    date: formatDate(h.at),
                    name: h.byName ?? t("ideas.history.someone"),
                  })}
                  {h.reason && (
                    <>
                      {" — "}
                      <bdi>{h.reason}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h3>{t("ideas.links.title")}</h3>
            {current.anchors.length + current.steps.length === 0 ? (
              <p className={styles.muted}>{t("ideas.links.none")}</p>
            ) : (
              <ul>
                {[...current.anchors, ...current.steps].map((l, i) => (
                  <li key={i} data-missing={l.missing || undefined}>
                    {l.mapTitle && <bdi>{l.mapTitle}</bdi>}
                    {" › "}
                    <bdi>{l.missing ? t("ideas.links.missing", { label: l.label }) : l.label}</bdi>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <IdeaEvidenceList evidence={evidence.data} loading={evidence.isPending} />
          {current.shippedAt !== null && current.kpiIds.length > 0 && (
            <IdeaKpiEffect
              workspaceId={workspaceId}
              ideaId={current.id}
              canRecord={canWrite}
              windows={windows}
              onWindowsChange={setWindows}
            />
          )}
          <IdeaComments workspaceId={workspaceId} idea={current} members={members} canComment={canWrite} />
          {canWrite && !confirmingDelete && (
            <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
              {t("ideas.delete")}
            </Button>
          )}
          {confirmingDelete && (
            <div role="alert" className={styles.reject}>
              <p>{t("ideas.deleteConfirm")}</p>
              <div className={styles.actions}>
                <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                  {t("ideas.delete")}
                </Button>
                <Button onClick={() => setConfirmingDelete(false)}>{t("ideas.cancel")}</Button>
              </div>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
