import { LANE_NAMES, LANE_TYPES, type LaneType } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import type { ImportPreview } from "./exchangeApi.js";
import styles from "./Exchange.module.css";

const isLaneType = (type: string): type is LaneType => (LANE_TYPES as readonly string[]).includes(type);

/** What an import will create — stages, lanes, personas, touchpoints, counts — and what it leaves out or guessed. */
export function ImportPreviewSummary({ preview }: { preview: ImportPreview }) {
  const { t, locale } = useI18n();
  const known = ["json", "xlsx", "csv", "mermaid", "ojf"].includes(preview.format);
  const c = preview.counts;
  return (
    <div className={styles.summary} data-testid="import-preview">
      <p>
        {t("exchange.import.willCreate", {
          title: preview.title,
          format: known ? t(`exchange.format.${preview.format}`) : preview.format,
        })}{" "}
        <span data-testid="import-counts">
          {[
            t("exchange.count.stages", { count: c.stages }),
            t("exchange.count.steps", { count: c.steps }),
            t("exchange.count.lanes", { count: c.lanes }),
            t("exchange.count.cards", { count: c.cards }),
            t("exchange.count.emotions", { count: c.emotions }),
          ].join(" · ")}
        </span>
      </p>
      {preview.report.fromVersion && preview.format === "json" && preview.report.fromVersion !== "1" && (
        <p className={styles.muted}>{t("exchange.import.upgraded", { version: preview.report.fromVersion })}</p>
      )}
      <h3 className={styles.section}>{t("exchange.import.stages")}</h3>
      <ol className={styles.list} data-testid="import-stages">
        {preview.stages.map((s, i) => (
          <li key={i}>
            <bdi>{s.name}</bdi>{" "}
            <span className={styles.muted}>({t("exchange.count.steps", { count: s.steps.length })})</span>
          </li>
        ))}
      </ol>
      <h3 className={styles.section}>{t("exchange.import.lanes")}</h3>
      <ul className={styles.list} data-testid="import-lanes">
        {preview.lanes.map((l, i) => (
          <li key={i}>
            <bdi>{l.name}</bdi>{" "}
            <span className={styles.muted}>
              — {isLaneType(l.type) ? LANE_NAMES[l.type][locale] : l.type} ·{" "}
              {t("exchange.count.cards", { count: l.cards })}
            </span>
          </li>
        ))}
      </ul>
      {preview.personas.length > 0 && (
        <>
          <h3 className={styles.section}>{t("exchange.import.personas")}</h3>
          <ul className={styles.list} data-testid="import-personas">
            {preview.personas.map((name, i) => (
              <li key={i}>
                <bdi>{name}</bdi>{" "}
                <span className={styles.muted}>
                  (
                  {preview.reusedPersonas.includes(name)
                    ? t("exchange.import.personaReused")
                    : t("exchange.import.personaNew")}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.touchpoints.length > 0 && (
        <>
          <h3 className={styles.section}>{t("exchange.import.touchpoints")}</h3>
          <p>
            <bdi>{preview.touchpoints.join(", ")}</bdi>
          </p>
        </>
      )}
      {preview.report.dropped.length > 0 && (
        <>
          <h3 className={styles.section}>{t("exchange.import.dropped")}</h3>
          <ul className={styles.warning} data-testid="import-dropped">
            {preview.report.dropped.map((d, i) => (
              <li key={i}>
                <code className={styles.code}>{d.path}</code> — {d.reason}
                {d.texts.length > 0 && (
                  <ul className={styles.list} data-testid="import-dropped-texts">
                    {d.texts.map((text, j) => (
                      <li key={j}>
                        <q>
                          <bdi>{text}</bdi>
                        </q>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.report.notes.length > 0 && (
        <details>
          <summary className={styles.muted}>{t("exchange.import.notes")}</summary>
          <ul className={`${styles.list} ${styles.muted} ${styles.code}`}>
            {preview.report.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
