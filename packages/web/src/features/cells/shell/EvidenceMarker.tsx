import type { Evidence } from "@opencjm/core";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./EvidenceMarker.module.css";

/**
 * How much of a card is known, at a glance: a dashed ring for an assumption, a half-filled dot for research, a full
 * dot for data — shapes as well as colours, so it reads without colour vision and in print.
 */
export function EvidenceMarker({ level }: { level: Evidence["level"] }) {
  const t = useT();
  const label = t("cells.evidence.marker", { level: t(`vocabulary.evidence.${level}`) });
  return (
    <svg
      className={`${styles.marker} ${styles[level]}`}
      viewBox="0 0 10 10"
      width="10"
      height="10"
      role="img"
      aria-label={label}
      data-evidence={level}
    >
      <title>{label}</title>
      {level === "assumption" && <circle cx="5" cy="5" r="3.8" fill="none" strokeWidth="1.4" strokeDasharray="2 1.6" />}
      {level === "research" && (
        <>
          <circle cx="5" cy="5" r="3.8" fill="none" strokeWidth="1.4" />
          <path d="M5 1.2 A3.8 3.8 0 0 1 5 8.8 Z" />
        </>
      )}
      {level === "data" && <circle cx="5" cy="5" r="4.4" />}
    </svg>
  );
}
