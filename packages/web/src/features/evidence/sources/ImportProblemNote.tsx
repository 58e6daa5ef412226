import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { EXPLAINED_IMPORT_ERRORS, problemOfError, type ImportProblem } from "./importProblem.js";
import styles from "./DataSources.module.css";

const KNOWN: ReadonlySet<string> = new Set(EXPLAINED_IMPORT_ERRORS);

/**
 * Explains why a file was refused, in the user's language: what is wrong, the row and column it is at, and the
 * server's exact message (which quotes the file) as inert text.
 */
export function ImportProblemNote({ problem, error }: { problem?: ImportProblem | null; error?: unknown }) {
  const t = useT();
  const generic = useErrorMessage();
  const shown = problem ?? problemOfError(error);
  if (!shown || (!KNOWN.has(shown.code) && !shown.row && !shown.column)) {
    return (
      <p role="alert" className={styles.error} data-testid="import-problem">
        {generic(error)}
      </p>
    );
  }
  const where =
    shown.row !== null && shown.column !== null
      ? t("evidence.importError.at", { row: shown.row, column: shown.column })
      : shown.row !== null
        ? t("evidence.importError.atRow", { row: shown.row })
        : shown.column !== null
          ? t("evidence.importError.atColumn", { column: shown.column })
          : "";
  return (
    <div role="alert" className={styles.problem} data-testid="import-problem" data-code={shown.code}>
      <p className={styles.error}>
        {t(KNOWN.has(shown.code) ? `evidence.importError.${shown.code}` : "evidence.importError.other")}
      </p>
      {where && (
        <p className={styles.where} data-testid="import-problem-where">
          <bdi>{where}</bdi>
        </p>
      )}
      <code className={styles.detail}>{shown.message}</code>
    </div>
  );
}
