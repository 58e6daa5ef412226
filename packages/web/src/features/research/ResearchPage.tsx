import type { Study } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { personaListQuery } from "../../api/workspaceQueries.js";
import { Button, buttonClassName } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { studyListQuery } from "./researchQueries.js";
import { StudyDialog } from "./StudyDialog.js";
import { useCanWriteResearch } from "./useCanWriteResearch.js";
import styles from "./Research.module.css";

/** A study's dates as one range in the user's calendar and digits, or a dash when it has none. */
function useStudyDates(): (study: Study) => string {
  const { formatDate } = useI18n();
  return (study) => {
    const parts = [study.startsOn, study.endsOn].map((d) =>
      d ? formatDate(`${d}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" }) : "",
    );
    return parts.filter(Boolean).join(" – ") || "—";
  };
}

/**
 * The research repository of a workspace: its studies with method, dates, personas and how many participants, notes
 * and highlights each holds; editors create studies here, and the insight search is one click away.
 */
export default function ResearchPage({ workspaceId }: { workspaceId: string }) {
  const { t, formatNumber } = useI18n();
  const canWrite = useCanWriteResearch(workspaceId);
  const [, navigate] = useLocation();
  const studies = useQuery(studyListQuery(workspaceId));
  const personas = useQuery(personaListQuery(workspaceId));
  const [creating, setCreating] = useState(false);
  const dates = useStudyDates();

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1>{t("research.title")}</h1>
          <p className={styles.lead}>{t("research.lead")}</p>
        </div>
        <div className={styles.actions}>
          <Link href="/research/search" className={buttonClassName()} data-testid="research-search-link">
            {t("research.search.open")}
          </Link>
          {canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-study">
              {t("research.study.create")}
            </Button>
          )}
        </div>
      </header>
      <QueryView queries={[studies, personas]}>
        {(list, personaList) =>
          list.length === 0 ? (
            <p className={styles.muted}>{t("research.studies.empty")}</p>
          ) : (
            <table className={styles.table} data-testid="study-list">
              <thead>
                <tr>
                  <th scope="col">{t("research.study.title")}</th>
                  <th scope="col">{t("research.study.method")}</th>
                  <th scope="col">{t("research.study.dates")}</th>
                  <th scope="col">{t("research.study.personas")}</th>
                  <th scope="col">{t("research.study.participants")}</th>
                  <th scope="col">{t("research.study.notes")}</th>
                  <th scope="col">{t("research.study.highlights")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((study) => (
                  <tr key={study.id} data-testid="study-row" data-study-id={study.id}>
                    <td>
                      <Link href={`/research/studies/${encodeURIComponent(study.id)}`}>
                        <bdi>{study.title}</bdi>
                      </Link>
                      {study.segment && (
                        <div className={styles.meta}>
                          <bdi>{study.segment}</bdi>
                        </div>
                      )}
                    </td>
                    <td>{t(`research.method.${study.method}`)}</td>
                    <td>{dates(study)}</td>
                    <td>
                      {study.personaIds
                        .map((id) => personaList.find((p) => p.id === id)?.name)
                        .filter((name): name is string => !!name)
                        .map((name) => (
                          <span key={name} className={styles.tag}>
                            <bdi>{name}</bdi>
                          </span>
                        ))}
                    </td>
                    <td data-testid="study-participant-count">{formatNumber(study.participantCount)}</td>
                    <td data-testid="study-note-count">{formatNumber(study.noteCount)}</td>
                    <td data-testid="study-highlight-count">{formatNumber(study.highlightCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      {creating && (
        <StudyDialog
          workspaceId={workspaceId}
          onClose={() => setCreating(false)}
          onSaved={(study) => navigate(`/research/studies/${encodeURIComponent(study.id)}`)}
        />
      )}
    </main>
  );
}
