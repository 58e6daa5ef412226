import type { ImportRecord, Source as EventSource } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ImportProblemNote } from "./ImportProblemNote.js";
import { problemOfRecord } from "./importProblem.js";
import { SkippedRowsReport } from "./SkippedRowsReport.js";
import styles from "./DataSources.module.css";

/**
 * Past imports, newest first: file, source, status, counts, when, for a refused file the row and column at fault, and
 * for an import that skipped bad rows the list of them with its download.
 */
export function ImportHistory({
  imports,
  sources,
}: {
  imports: readonly ImportRecord[];
  sources: readonly EventSource[];
}) {
  const { t, formatNumber, formatDate } = useI18n();
  if (imports.length === 0) return <p className={styles.muted}>{t("evidence.history.empty")}</p>;
  const sourceName = new Map(sources.map((s) => [s.sourceId, s.name]));
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table} data-testid="import-history">
        <thead>
          <tr>
            <th>{t("evidence.history.file")}</th>
            <th>{t("evidence.history.source")}</th>
            <th>{t("evidence.history.status")}</th>
            <th>{t("evidence.history.rows")}</th>
            <th>{t("evidence.history.events")}</th>
            <th>{t("evidence.history.started")}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((r) => (
            <tr key={r.importId} data-testid="import-row" data-status={r.status}>
              <td dir="auto">{r.fileName}</td>
              <td dir="auto">{sourceName.get(r.sourceId) ?? ""}</td>
              <td>
                <span
                  className={`badge ${r.status === "done" ? "badge-success" : r.status === "failed" ? "badge-warning" : "badge-accent"}`}
                >
                  {t(`evidence.history.status.${r.status}`)}
                </span>
                {r.status === "failed" && <ImportProblemNote problem={problemOfRecord(r)} />}
                {r.status === "done" && Number(r.summary?.badRowsSkipped ?? 0) > 0 && (
                  // The rows an import left out stay listed (and downloadable) after the import's own screen closed.
                  <details data-testid="history-skipped-rows">
                    <summary>{t("importChoices.skipped.title", { count: Number(r.summary?.badRowsSkipped) })}</summary>
                    <SkippedRowsReport record={r} />
                  </details>
                )}
              </td>
              <td>{formatNumber(r.rowsRead)}</td>
              <td>{formatNumber(r.eventsStored)}</td>
              <td>{formatDate(r.startedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
