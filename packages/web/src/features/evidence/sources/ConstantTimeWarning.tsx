import { constantTimeColumn } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { mappingFromDraft, type MappingDraft } from "./mappingDraft.js";
import styles from "./DataSources.module.css";

/**
 * Warns, before anything is imported, when the timestamp column of the mapping the user has chosen (the saved one, the
 * guess, or columns they changed) does not change within any customer of the preview's rows: a start or sign-up date
 * rather than when each event happened. The same check the import runs (core's constantTimeColumn).
 */
export function ConstantTimeWarning({
  draft,
  header,
  rows,
}: {
  draft: MappingDraft;
  header: readonly string[];
  rows: readonly string[][];
}) {
  const { t, formatNumber } = useI18n();
  const column = constantTimeColumn(mappingFromDraft(draft), header, rows);
  if (column === undefined) return null;
  return (
    <p role="note" className={styles.muted} data-testid="constant-time-warning">
      {t("evidence.mapping.constantTime", { column, rows: formatNumber(rows.length) })}
    </p>
  );
}
