import { neutraliseFormula, SkippedRowSchema, type ImportRecord, type SkippedRow } from "@opencjm/core";
import { useEffect, useMemo } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { EXPLAINED_IMPORT_ERRORS } from "./importProblem.js";
import styles from "./DataSources.module.css";

/** How many skipped rows the screen shows; the download holds every one the import listed. */
const SHOWN = 50;

// The file's own words may start like a formula (=, +, -, @): a spreadsheet opening the download would run them, so
// they are made inert as every spreadsheet export of ours makes them.
const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The import's skipped rows as CSV (row, column, code, value, reason), the file's words inert in a spreadsheet. */
function skippedRowsCsv(rows: SkippedRow[]): string {
  const lines = rows.map((r) => [r.row, r.column, r.code, r.value, r.reason].map(csvCell).join(","));
  return `${["row", "column", "code", "value", "reason"].join(",")}\n${lines.join("\n")}\n`;
}

/**
 * What an import that skipped bad rows left out: how many, the first of them with row, column, problem and value,
 * and the whole list the import kept as a CSV download. Nothing when no row was skipped.
 */
export function SkippedRowsReport({ record }: { record: ImportRecord }) {
  const { t } = useI18n();
  const count = Number(record.summary?.badRowsSkipped ?? 0);
  const parsed = SkippedRowSchema.array().safeParse(record.summary?.skippedRows ?? []);
  const rows = useMemo(() => (parsed.success ? parsed.data : []), [parsed.success, parsed.data]);
  const download = useMemo(
    () => (rows.length ? URL.createObjectURL(new Blob([skippedRowsCsv(rows)], { type: "text/csv" })) : null),
    [rows],
  );
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);
  if (!count) return null;
  const problem = (code: string) =>
    (EXPLAINED_IMPORT_ERRORS as readonly string[]).includes(code) ? t(`evidence.importError.${code}`) : code;
  return (
    <section
      className={styles.muted}
      data-testid="skipped-rows"
      aria-label={t("importChoices.skipped.title", { count })}
    >
      <p role="status">{t("importChoices.skipped.title", { count })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("importChoices.skipped.row")}</th>
            <th scope="col">{t("importChoices.skipped.column")}</th>
            <th scope="col">{t("importChoices.skipped.problem")}</th>
            <th scope="col">{t("importChoices.skipped.value")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={r.row} data-testid="skipped-row">
              <td>{r.row}</td>
              <td>
                <bdi>{r.column ?? ""}</bdi>
              </td>
              <td title={r.reason}>{problem(r.code)}</td>
              <td>
                <bdi>{r.value ?? ""}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > SHOWN && <p>{t("importChoices.skipped.shown", { shown: SHOWN, listed: rows.length })}</p>}
      {download && (
        <a href={download} download={`${record.fileName}.skipped-rows.csv`} data-testid="skipped-rows-download">
          {t("importChoices.skipped.download")}
        </a>
      )}
    </section>
  );
}
