import type { MapMetrics } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./Paths.module.css";

/**
 * How real journeys follow the designed map: the share that follow it in order, customers who skip steps, step back
 * or loop (per step and stage), and touchpoints that occur in the data but are on no step of the map.
 */
export function ConformanceView({ metrics }: { metrics: MapMetrics }) {
  const { t, formatNumber } = useI18n();
  const c = metrics.conformance;
  const pct = (n: number, of: number) =>
    of > 0 ? formatNumber(n / of, { style: "percent", maximumFractionDigits: 1 }) : "—";
  const skipped = metrics.steps.filter((s) => s.skipped > 0 || s.revisits > 0);
  const looped = metrics.stages.filter((s) => s.backSteps > 0 || s.loops > 0);
  return (
    <div className={styles.conformance} data-testid="conformance">
      <dl className={styles.kpis}>
        <div data-testid="conformance-share" data-value={c.share ?? ""}>
          <dt>{t("evidence.conformance.following")}</dt>
          <dd>{c.share === null ? "—" : formatNumber(c.share, { style: "percent", maximumFractionDigits: 1 })}</dd>
          <dd className={styles.muted}>
            {t("evidence.conformance.ofCustomers", {
              conforming: c.conforming,
              customers: c.customers,
              count: c.customers,
            })}
          </dd>
        </div>
        <div data-testid="conformance-skips" data-value={c.withSkips}>
          <dt>{t("evidence.conformance.skips")}</dt>
          <dd>{formatNumber(c.withSkips)}</dd>
          <dd className={styles.muted}>{pct(c.withSkips, c.customers)}</dd>
        </div>
        <div data-testid="conformance-back-steps" data-value={c.withBackSteps}>
          <dt>{t("evidence.conformance.backSteps")}</dt>
          <dd>{formatNumber(c.withBackSteps)}</dd>
          <dd className={styles.muted}>{pct(c.withBackSteps, c.customers)}</dd>
        </div>
        <div data-testid="conformance-loops" data-value={c.withLoops}>
          <dt>{t("evidence.conformance.loops")}</dt>
          <dd>{formatNumber(c.withLoops)}</dd>
          <dd className={styles.muted}>{pct(c.withLoops, c.customers)}</dd>
        </div>
      </dl>
      {skipped.length > 0 && (
        <table className={styles.table} data-testid="conformance-steps">
          <caption>{t("evidence.conformance.byStep")}</caption>
          <thead>
            <tr>
              <th>{t("evidence.conformance.step")}</th>
              <th>{t("evidence.conformance.skipped")}</th>
              <th>{t("evidence.conformance.revisits")}</th>
            </tr>
          </thead>
          <tbody>
            {skipped.map((s) => (
              <tr key={s.stepId} data-testid="conformance-step" data-step-id={s.stepId} data-skipped={s.skipped}>
                <td dir="auto">{s.name}</td>
                <td>{formatNumber(s.skipped)}</td>
                <td>{formatNumber(s.revisits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {looped.length > 0 && (
        <table className={styles.table} data-testid="conformance-stages">
          <caption>{t("evidence.conformance.byStage")}</caption>
          <thead>
            <tr>
              <th>{t("evidence.conformance.stage")}</th>
              <th>{t("evidence.conformance.backStepCustomers")}</th>
              <th>{t("evidence.conformance.loopCustomers")}</th>
            </tr>
          </thead>
          <tbody>
            {looped.map((s) => (
              <tr key={s.stageId}>
                <td dir="auto">{s.name}</td>
                <td>{formatNumber(s.backStepCustomers)}</td>
                <td>{formatNumber(s.loopCustomers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className={styles.subTitle}>{t("evidence.conformance.missing")}</h3>
      {c.missingTouchpoints.length === 0 ? (
        <p className={styles.muted}>{t("evidence.conformance.noneMissing")}</p>
      ) : (
        <ul className={styles.missing} data-testid="missing-touchpoints">
          {c.missingTouchpoints.map((m) => (
            <li
              key={m.touchpointId}
              data-testid="missing-touchpoint"
              data-touchpoint-id={m.touchpointId}
              data-customers={m.customers}
            >
              <bdi>{m.label}</bdi>{" "}
              <span className={styles.muted}>
                {t("evidence.conformance.missingCounts", { events: m.events, customers: m.customers })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
