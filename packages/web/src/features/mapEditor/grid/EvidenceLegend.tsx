import type { Evidence } from "@opencjm/core";
import { useT } from "../../../i18n/I18nProvider.js";
import { EvidenceMarker } from "../../cells/shell/EvidenceMarker.js";
import styles from "./EvidenceLegend.module.css";

const LEVELS: ReadonlyArray<Evidence["level"]> = ["assumption", "research", "data"];

/** What the mark at the start of every card says: assumed, backed by research, or measured (in the grid's corner). */
export function EvidenceLegend() {
  const t = useT();
  return (
    <div className={styles.legend} data-testid="evidence-legend">
      <span className={styles.title}>{t("cells.evidence.label")}</span>
      <ul className={styles.levels}>
        {LEVELS.map((level) => (
          <li key={level}>
            <span aria-hidden="true" className={styles.marker}>
              <EvidenceMarker level={level} />
            </span>
            {t(`vocabulary.evidence.${level}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
