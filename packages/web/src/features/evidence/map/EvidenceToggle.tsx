import { BarChart3 } from "lucide-react";
import { useT } from "../../../i18n/I18nProvider.js";
import { useEvidence } from "./EvidenceContext.js";
import styles from "./Evidence.module.css";

/** The editor toolbar's switch between the designed map alone and the map with its customer data. */
export function EvidenceToggle() {
  const t = useT();
  const evidence = useEvidence();
  if (!evidence) return null;
  return (
    <button
      type="button"
      className={styles.toggle}
      aria-pressed={evidence.shown}
      onClick={() => evidence.setShown(!evidence.shown)}
      data-testid="toggle-data"
      title={t("evidence.map.toggleHint")}
    >
      <BarChart3 size={14} aria-hidden="true" /> <span data-tool-label>{t("evidence.map.toggle")}</span>
    </button>
  );
}
