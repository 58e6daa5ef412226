import type { Idea } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./Ideas.module.css";

/** An idea's ICE or RICE score with the formula that made it, so a number is never shown without its reasons. */
export function IdeaScore({ idea, kind }: { idea: Idea; kind: "ice" | "rice" }) {
  const { t, formatNumber } = useI18n();
  if (kind === "ice") {
    if (!idea.ice || idea.iceScore === null) return <span className={styles.muted}>{t("ideas.score.none")}</span>;
    return (
      <span className={styles.score} data-testid="ice-score">
        <strong>{formatNumber(idea.iceScore)}</strong> <small>= {t("ideas.ice.formula", idea.ice)}</small>
      </span>
    );
  }
  if (!idea.rice || idea.riceScore === null) return <span className={styles.muted}>{t("ideas.score.none")}</span>;
  return (
    <span className={styles.score} data-testid="rice-score">
      <strong>{formatNumber(idea.riceScore)}</strong> <small>= {t("ideas.rice.formula", idea.rice)}</small>
    </span>
  );
}
