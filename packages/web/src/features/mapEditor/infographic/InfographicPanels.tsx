import type { Infographic } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { conversionWindowText } from "../../evidence/conversionWindowText.js";
import styles from "./InfographicView.module.css";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A duration in the largest unit that keeps it readable (days, hours or minutes), worded by the browser's Intl. */
function formatDuration(ms: number, locale: string): string {
  const [value, unit] =
    ms >= DAY_MS ? [ms / DAY_MS, "day"] : ms >= HOUR_MS ? [ms / HOUR_MS, "hour"] : [ms / 60_000, "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(
    value,
  );
}

/** Severity as five dots, the first `severity` filled; an image to screen readers, named with the number. */
function Severity({ severity }: { severity: number }) {
  const { t } = useI18n();
  return (
    // A plain span may not carry a name (axe: aria-prohibited-attr); as an image its name is what is read.
    <span className={styles.severity} role="img" aria-label={`${t("vocabulary.severity")} ${severity}/5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= severity ? styles.dotOn : styles.dotOff} />
      ))}
    </span>
  );
}

/** The three most severe pain points and the first opportunities with the best-scored ideas beneath them. */
export function InfographicLists({ summary }: { summary: Infographic }) {
  const { t } = useI18n();
  return (
    <>
      <section className={`${styles.panel} ${styles.pains}`} data-testid="infographic-pains">
        <h2 className={styles.panelTitle}>{t("infographic.pains")}</h2>
        {summary.pains.length === 0 ? (
          <p className={styles.empty}>{t("infographic.noPains")}</p>
        ) : (
          <ol className={styles.items}>
            {summary.pains.map((pain, i) => (
              <li key={i} className={styles.item}>
                <Severity severity={pain.severity} />
                <bdi className={styles.itemText}>{pain.text}</bdi>
                <bdi className={styles.itemStep}>{pain.step}</bdi>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={`${styles.panel} ${styles.opportunities}`} data-testid="infographic-opportunities">
        <h2 className={styles.panelTitle}>{t("infographic.opportunities")}</h2>
        {summary.opportunities.length === 0 ? (
          <p className={styles.empty}>{t("infographic.noOpportunities")}</p>
        ) : (
          <ol className={styles.items}>
            {summary.opportunities.map((opportunity, i) => (
              <li key={i} className={styles.item}>
                <bdi className={styles.itemText}>{opportunity.text}</bdi>
                <bdi className={styles.itemStep}>{opportunity.step}</bdi>
              </li>
            ))}
          </ol>
        )}
        {summary.ideas.length > 0 && (
          <div data-testid="infographic-ideas">
            <h3 className={styles.subTitle}>{t("infographic.ideas")}</h3>
            <ul className={styles.ideas}>
              {summary.ideas.map((idea, i) => (
                <li key={i} className={styles.idea}>
                  <bdi className={styles.itemText}>{idea.title}</bdi>
                  <span className={styles.status} data-status={idea.status}>
                    {t(`vocabulary.ideaStatus.${idea.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </>
  );
}

/** The map's key numbers from its customer data, with the conversion window they stand on; nothing when it has none. */
export function InfographicNumbers({ numbers }: { numbers: NonNullable<Infographic["numbers"]> }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const figures: Array<{ key: string; label: string; value: string; note?: string }> = [
    { key: "customers", label: t("infographic.customers"), value: integer.format(numbers.customers) },
  ];
  if (numbers.conversion)
    figures.push({
      key: "conversion",
      label: t("infographic.conversion"),
      value: percent.format(numbers.conversion.rate),
      note: t("infographic.conversionFrom", { from: numbers.conversion.from, to: numbers.conversion.to }),
    });
  if (numbers.medianMs !== null)
    figures.push({
      key: "median",
      label: t("infographic.medianTime"),
      value: formatDuration(numbers.medianMs, locale),
    });
  if (numbers.nps !== null) figures.push({ key: "nps", label: t("infographic.nps"), value: score.format(numbers.nps) });
  if (numbers.csat !== null)
    figures.push({ key: "csat", label: t("infographic.csat"), value: decimal.format(numbers.csat) });
  return (
    <section className={`${styles.panel} ${styles.numbers}`} data-testid="infographic-numbers">
      <h2 className={styles.panelTitle}>{t("infographic.numbers")}</h2>
      <dl className={styles.figures}>
        {figures.map((f) => (
          <div key={f.key} className={styles.figure} data-testid={`infographic-number-${f.key}`}>
            <dt className={styles.figureLabel}>{f.label}</dt>
            <dd className={styles.figureValue}>{f.value}</dd>
            {f.note && (
              <dd className={styles.figureNote}>
                <bdi>{f.note}</bdi>
              </dd>
            )}
          </div>
        ))}
      </dl>
      <p className={styles.figureNote} data-testid="infographic-window">
        {conversionWindowText(i18n, numbers.conversionWindowHours)}
      </p>
    </section>
  );
}
