import type { Evidence } from "@opencjm/core";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./EvidenceMarker.module.css";

/**
 * How much of a card is known, at a glance: a dashed ring for an assumption, a half-filled dot for research, a full
 * dot for data — shapes as well as colours, so it reads without colour vision and in print. One element drawn by its
 * CSS (every card on the map carries one: an SVG of its own cost three elements per card to build, lay out and paint).
 */
export function EvidenceMarker({ level }: { level: Evidence["level"] }) {
  const t = useT();
  const label = t("cells.evidence.marker", { level: t(`vocabulary.evidence.${level}`) });
  return (
    <span
      className={`${styles.marker} ${styles[level]}`}
      role="img"
      aria-label={label}
      title={label}
      data-evidence={level}
    />
  );
}
