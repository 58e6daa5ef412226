import { useI18n } from "../../../i18n/I18nProvider.js";
import { useShownMetrics } from "./EvidenceContext.js";
import styles from "./Evidence.module.css";

/** How many measured quotes a step shows in the quotes lane; the rest stay in the data. */
const SHOWN = 2;

/** Customers' own words at a step, picked from the imported feedback, with the language they wrote in. */
export function StepQuotes({ stepId }: { stepId: string }) {
  const { t, formatDate } = useI18n();
  const evidence = useShownMetrics();
  const quotes = evidence?.steps.get(stepId)?.sentiment.quotes ?? [];
  if (quotes.length === 0) return null;
  return (
    <ul className={styles.quotes} aria-label={t("evidence.quotes.label")} data-testid="measured-quotes">
      {quotes.slice(0, SHOWN).map((q, i) => (
        <li
          key={i}
          className={styles.quote}
          data-testid="measured-quote"
          data-language={q.language}
          data-tone={q.sentiment > 0.1 ? "positive" : q.sentiment < -0.1 ? "negative" : "neutral"}
        >
          <q dir="auto" lang={q.language}>
            {q.text}
          </q>
          <span className={styles.quoteMeta}>
            {t("evidence.quotes.meta", { language: t(`evidence.language.${q.language}`), date: formatDate(q.at) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
