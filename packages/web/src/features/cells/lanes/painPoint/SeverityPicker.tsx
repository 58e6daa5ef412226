import { useId } from "react";
import { useT } from "../../../../i18n/I18nProvider.js";
import { severityColor } from "./severityColor.js";
import styles from "./SeverityPicker.module.css";

/** Severity 1–5 as a radio group: arrow keys or a click choose, and the choice is saved at once. */
export function SeverityPicker({ value, onChange }: { value: number; onChange: (severity: number) => void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t("cells.painPoint.severity")}</legend>
      {[1, 2, 3, 4, 5].map((level) => (
        <label
          key={level}
          className={styles.option}
          style={{ ["--level-color" as string]: severityColor(level) }}
          title={t(`cells.painPoint.level${level}`)}
        >
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            aria-label={t("cells.painPoint.severityOf", { severity: level, max: 5 })}
            onChange={() => onChange(level)}
          />
          <span aria-hidden="true">{t("cells.painPoint.levelNumber", { level })}</span>
        </label>
      ))}
    </fieldset>
  );
}
