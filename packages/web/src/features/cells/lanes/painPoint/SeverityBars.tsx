import { useT } from "../../../../i18n/I18nProvider.js";
import { severityColor } from "./severityColor.js";
import styles from "./SeverityBars.module.css";

/** A pain point's severity at a glance: rising bars, as many filled as the severity, coloured green to red. */
export function SeverityBars({ severity }: { severity: number }) {
  const t = useT();
  const color = severityColor(severity);
  const label = t("cells.painPoint.severityOf", { severity, max: 5 });
  return (
    <span
      className={styles.bars}
      role="img"
      aria-label={label}
      title={label}
      data-severity={severity}
      style={{ color }}
    >
      {[1, 2, 3, 4, 5].map((level) => (
        <span
          key={level}
          className={styles.bar}
          style={{ blockSize: `${3 + level * 2}px`, background: level <= severity ? color : undefined }}
        />
      ))}
    </span>
  );
}
