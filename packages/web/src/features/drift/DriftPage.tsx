import type { DriftDigest } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useSession } from "../../app/SessionProvider.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { DriftMeasureLine } from "./DriftMeasureLine.js";
import { DriftSettingsForm } from "./DriftSettingsForm.js";
import { DriftSubscriptionToggle } from "./DriftSubscriptionToggle.js";
import { driftKeys, fetchDriftDigest } from "./driftApi.js";
import styles from "./Drift.module.css";

function DriftDigestList({ digest }: { digest: DriftDigest }) {
  const { t, formatDate } = useI18n();
  // Periods end at midnight: the day before `to` is the last one in it.
  const day = (iso: string, last = false) => formatDate(Date.parse(iso) - (last ? 1 : 0), { dateStyle: "medium" });
  return (
    <>
      <p className={styles.meta} data-testid="drift-periods">
        {t("drift.page.periods", {
          afterFrom: day(digest.after.from),
          afterTo: day(digest.after.to, true),
          beforeFrom: day(digest.before.from),
          beforeTo: day(digest.before.to, true),
        })}
      </p>
      {digest.maps.length === 0 && <p data-testid="drift-empty">{t("drift.page.empty")}</p>}
      {digest.maps.map((map) => (
        <section key={map.mapId} className={styles.map} data-testid="drift-map">
          <div className={styles.mapHead}>
            <h2 dir="auto">{map.title}</h2>
            <Link href={`/maps/${map.mapId}`}>{t("drift.page.openMap")}</Link>
          </div>
          {map.steps.map((step) => (
            <div key={step.stepId} className={styles.step} data-testid="drift-step" data-step-id={step.stepId}>
              <h3 dir="auto">{step.name}</h3>
              <ul className={styles.measures}>
                {step.measures.map((m) => (
                  <DriftMeasureLine key={m.measure} m={m} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** The workspace digest of drift (PRODUCT.md §4.7): flagged steps of every map, thresholds and the weekly e-mail. */
export default function DriftPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const canWrite = ["owner", "editor"].includes(session?.workspaces.find((w) => w.id === workspaceId)?.role ?? "");
  const digest = useQuery({
    queryKey: driftKeys.digest(workspaceId),
    queryFn: () => fetchDriftDigest(workspaceId),
    staleTime: 10 * 60_000,
  });
  return (
    <div className={styles.page} data-testid="drift-page">
      <h1>{t("drift.page.title")}</h1>
      <p className={styles.meta}>
        {t("drift.page.intro", {
          days: digest.data?.settings.periodDays ?? 28,
          count: digest.data?.settings.periodDays ?? 28,
        })}
      </p>
      <DriftSubscriptionToggle workspaceId={workspaceId} />
      <QueryView queries={[digest] as const}>{(d) => <DriftDigestList digest={d} />}</QueryView>
      {digest.data && (
        <DriftSettingsForm workspaceId={workspaceId} settings={digest.data.settings} readOnly={!canWrite} />
      )}
    </div>
  );
}
