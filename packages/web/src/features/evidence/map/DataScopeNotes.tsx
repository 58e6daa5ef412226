import type { MapMetrics } from "@opencjm/core";
import { Link } from "wouter";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { conversionWindowText } from "../conversionWindowText.js";
import styles from "./Evidence.module.css";

/**
 * What the numbers on the map stand on: the conversion window in force, and — when the map has steps but no event
 * reaches any of them — a clear notice that nothing links its touchpoints to the events (instead of 0 customers at
 * every step passing for a finding), with the way to link them.
 */
export function DataScopeNotes({ metrics }: { metrics: MapMetrics }) {
  const i18n = useI18n();
  const { t } = i18n;
  const unlinked = metrics.steps.length > 0 && metrics.totals.onMapEvents === 0 && metrics.totals.events > 0;
  return (
    <>
      <span className={styles.muted} data-testid="conversion-window">
        {conversionWindowText(i18n, metrics.options.conversionWindowHours)}
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
