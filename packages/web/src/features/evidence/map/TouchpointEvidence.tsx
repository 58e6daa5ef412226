import { Link2 } from "lucide-react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { useShownMetrics } from "./EvidenceContext.js";
import styles from "./Evidence.module.css";

/** Under a touchpoint card while data is shown: how many events and customers it got, and a way to its linking rules. */
export function TouchpointEvidence({ touchpointId }: { touchpointId: string }) {
  const { t } = useI18n();
  const evidence = useShownMetrics();
  if (!evidence) return null;
  const measured = evidence.metrics.touchpoints.find((tp) => tp.touchpointId === touchpointId);
  const open = evidence.openTouchpointRules;
  return (
    <span className={styles.touchpoint} data-testid="touchpoint-evidence" data-events={measured?.events ?? 0}>
      <span className={measured?.events ? undefined : styles.muted}>
        {measured?.events
          ? t("evidence.touchpoint.events", { count: measured.events, customers: measured.customers })
          : t("evidence.touchpoint.noEvents")}
      </span>
      {open && (
        <button
          type="button"
          className={styles.linkButton}
          onClick={(e) => {
            e.stopPropagation();
            open(touchpointId);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
          data-testid="link-touchpoint-events"
        >
          <Link2 size={12} aria-hidden="true" /> {t("evidence.touchpoint.link")}
        </button>
      )}
    </span>
  );
}
