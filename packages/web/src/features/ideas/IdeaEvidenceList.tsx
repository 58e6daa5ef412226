import type { IdeaEvidence } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./Ideas.module.css";

/**
 * The evidence behind an idea, per linked step: customers reaching it, leaving there, their sentiment, quotes and the
 * research highlights anchored there; and the research repository's highlights on the idea and its steps in all.
 */
export function IdeaEvidenceList({ evidence, loading }: { evidence: IdeaEvidence | undefined; loading: boolean }) {
  const { t, formatNumber } = useI18n();
  const unknown = t("ideas.evidence.unknown");
  const research: IdeaEvidence["research"] | undefined = evidence?.research;
  return (
    <section data-testid="idea-evidence">
      <h3>{t("ideas.evidence.title")}</h3>
      {loading && <p className={styles.muted}>{t("ideas.evidence.loading")}</p>}
      {evidence && evidence.steps.length === 0 && <p className={styles.muted}>{t("ideas.evidence.none")}</p>}
      {evidence && evidence.steps.length > 0 && (
        <ul>
          {evidence.steps.map((s) => (
            <li key={`${s.mapId}:${s.stepId}`}>
              {t("ideas.evidence.step", {
                step: s.stepName,
                customers: formatNumber(s.customers),
                dropOff: s.dropOff === null ? unknown : formatNumber(s.dropOff),
                sentiment: s.sentiment === null ? unknown : formatNumber(s.sentiment, { maximumFractionDigits: 2 }),
                quotes: formatNumber(s.quoteCards),
              })}
              {s.highlights > 0 && (
                <>
                  {" "}
                  {t("ideas.evidence.stepResearch", {
                    highlights: formatNumber(s.highlights),
                    participants: formatNumber(s.highlightParticipants),
                    notes: formatNumber(s.highlightNotes),
                  })}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* An answer from a server before research counts had none. */}
      {research !== undefined && research.highlights > 0 && (
        <p data-testid="idea-evidence-research">
          {t("ideas.evidence.research", {
            highlights: formatNumber(research.highlights),
            participants: formatNumber(research.participants),
            notes: formatNumber(research.notes),
            onIdea: formatNumber(research.onIdea),
          })}
        </p>
      )}
    </section>
  );
}
