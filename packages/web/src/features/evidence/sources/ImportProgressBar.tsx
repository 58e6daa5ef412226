import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./DataSources.module.css";

/** A labelled progress bar: what is happening and how far along, in the UI language. */
export function ImportProgressBar({
  label,
  fraction,
  onCancel,
}: {
  label: string;
  fraction: number;
  onCancel?: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const clamped = Math.max(0, Math.min(1, fraction));
  return (
    <div className={styles.progress} data-testid="import-progress">
      <div className={styles.progressHead}>
        <span>{label}</span>
        <span>{formatNumber(clamped, { style: "percent" })}</span>
      </div>
      <div
        className={styles.bar}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)}
      >
        <span className={styles.barFill} style={{ inlineSize: `${clamped * 100}%` }} />
      </div>
      {onCancel && (
        <button type="button" className="btn btn-small" onClick={onCancel} data-testid="cancel-upload">
          {t("common.action.cancel")}
        </button>
      )}
    </div>
  );
}
