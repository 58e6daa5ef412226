import type { CustomerEvent } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./CustomerTimeline.module.css";

/**
 * A customer's scores and own words first (what the method keeps as quotes), then every event from every source in
 * time order. Their words are shown as text, never as markup.
 */
export function CustomerEventList({ events, eventCount }: { events: CustomerEvent[]; eventCount: number }) {
  const { t, formatDate, formatNumber } = useI18n();
  const when = (at: string) => formatDate(at, { dateStyle: "medium", timeStyle: "short" });
  const voiced = events.filter((e) => e.text !== null || e.score !== null);
  return (
    <>
      <h2>{t("customerTimeline.voice")}</h2>
      {voiced.length === 0 ? (
        <p className={styles.muted}>{t("customerTimeline.noVoice")}</p>
      ) : (
        <ul className={styles.voice} data-testid="customer-voice">
          {voiced.map((e, i) => (
            <li key={i}>
              {e.score !== null && (
                <strong>
                  {e.scoreKind ? t(`customerTimeline.score.${e.scoreKind}`) : t("customerTimeline.score")}{" "}
                  {formatNumber(e.score)}
                </strong>
              )}{" "}
              {e.text !== null && <q dir="auto">{e.text}</q>}{" "}
              <span className={styles.muted}>
                {e.sourceName} · {e.eventName} · {when(e.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("customerTimeline.events", { count: eventCount })}</h2>
      <table className={styles.events} data-testid="customer-events">
        <thead>
          <tr>
            <th scope="col">{t("customerTimeline.when")}</th>
            <th scope="col">{t("customerTimeline.source")}</th>
            <th scope="col">{t("customerTimeline.event")}</th>
            <th scope="col">{t("customerTimeline.channel")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i} data-testid="customer-event">
              <td>
                <time dateTime={e.at}>{when(e.at)}</time>
              </td>
              <td dir="auto">{e.sourceName}</td>
              <td dir="auto">{e.eventName}</td>
              <td dir="auto">{e.channel ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length < eventCount && (
        <p className={styles.muted}>{t("customerTimeline.eventsShown", { shown: events.length, count: eventCount })}</p>
      )}
    </>
  );
}
