import { useT } from "../../i18n/I18nProvider.js";
import styles from "./CompareMapsPage.module.css";

/** What the colours and arrows of the comparison mean. */
export function CompareLegend() {
  const t = useT();
  return (
    <ul className={styles.legend} aria-label={t("compare.legend")} data-testid="compare-legend">
      <li>
        <span className={`${styles.swatch} ${styles.swatchAdded}`} aria-hidden="true" /> {t("compare.status.added")}
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.swatchRemoved}`} aria-hidden="true" /> {t("compare.status.removed")}
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.swatchChanged}`} aria-hidden="true" /> {t("compare.status.changed")}
      </li>
      <li>
        <span className={styles.swatch} aria-hidden="true" /> {t("compare.status.unchanged")}
      </li>
      <li>
        <span className={styles.better}>▲</span> {t("compare.legendBetter")}
      </li>
      <li>
        <span className={styles.worse}>▼</span> {t("compare.legendWorse")}
      </li>
    </ul>
  );
}
