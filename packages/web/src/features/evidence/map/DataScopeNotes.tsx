import { MAX_CONVERSION_WINDOW_HOURS, type MapMetrics } from "@opencjm/core";
import { Link } from "wouter";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./Evidence.module.css";

/**
 * What the numbers on the map stand on: the conversion window in force, and — when the map has steps but no event
 * reaches any of them — a clear notice that nothing links its touchpoints to the events (instead of 0 customers at
 * every step passing for a finding), with the way to link them.
 */
export function DataScopeNotes({ metrics }: { metrics: MapMetrics }) {
  const { t, formatNumber } = useI18n();
  const hours = metrics.options.conversionWindowHours;
  const unlinked = metrics.steps.length > 0 && metrics.totals.onMapEvents === 0 && metrics.totals.events > 0;
  return (
    <>
      <span className={styles.muted} data-testid="conversion-window">
        {hours >= MAX_CONVERSION_WINDOW_HOURS
          ? t("processMap.window.none")
          : t("processMap.window.hours", { hours: formatNumber(hours) })}
      </span>
      {unlinked && (
        <p role="note" className={styles.notice} data-testid="no-linked-events">
          {t("processMap.noLinkedEvents", { events: metrics.totals.events, count: metrics.totals.events })}{" "}
          <Link href="/data/touchpoints">{t("processMap.linkEvents")}</Link>
        </p>
      )}
    </>
  );
}
