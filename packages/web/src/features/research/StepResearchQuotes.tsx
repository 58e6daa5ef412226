import { useContext } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { sentimentBucket } from "./sentimentBucket.js";
import { StepResearchContext } from "./StepResearchContext.js";
import quoteStyles from "../evidence/map/Evidence.module.css";
import styles from "./StepResearchQuotes.module.css";

/**
 * What participants said at a step, in the map's quotes lane: the newest research highlights (participant code and
 * study beside each, never personal details), and "+N more" opening the step's research panel with all of them.
 * Only in the live editor, where the map's research is loaded for members; nothing when the step has none.
 */
export function StepResearchQuotes({ stepId, label }: { stepId: string; label: string }) {
  const { t } = useI18n();
  const research = useContext(StepResearchContext);
  const quotes = research?.topQuotes.get(stepId) ?? [];
  if (!research || quotes.length === 0) return null;
  const more = (research.counts.get(stepId) ?? quotes.length) - quotes.length;
  return (
    <div className={styles.research} data-testid="research-quotes">
      <ul className={quoteStyles.quotes} aria-label={t("research.lane.label", { label })}>
        {quotes.map((q) => (
          <li
            key={q.highlightId}
            className={`${quoteStyles.quote} ${styles.quote}`}
            data-testid="research-quote"
            data-tone={sentimentBucket(q.sentiment)}
          >
            <q dir="auto" lang={q.language}>
              {q.text}
            </q>
            <span className={quoteStyles.quoteMeta}>
              <bdi>{q.participantCode ?? t("research.lane.noParticipant")}</bdi>
              {" · "}
              <bdi>{q.studyTitle}</bdi>
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button
          type="button"
          className={styles.more}
          data-testid="research-quotes-more"
          // The cell under the button would take the click as a selection and a double click as editing.
          onClick={(e) => {
            e.stopPropagation();
            research.open(stepId, label);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          {t("research.lane.more", { count: more })}
        </button>
      )}
    </div>
  );
}
