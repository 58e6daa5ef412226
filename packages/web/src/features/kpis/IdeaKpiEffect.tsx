import type { IdeaEffect, KpiEffect } from "@opencjm/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatKpiValue } from "./formatKpiValue.js";
import { fetchIdeaEffect, ideaEffectKey, recordIdeaEffect } from "./kpisApi.js";
import styles from "./Kpis.module.css";

function EffectRow({ effect }: { effect: KpiEffect }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const format = (v: number | null) => formatKpiValue(v, effect.measure, "", i18n);
  const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${format(v)}`);
  return (
    <tr data-testid="kpi-effect-row" data-verdict={effect.verdict}>
      <th scope="row">
        <bdi>{effect.name}</bdi>
      </th>
      <td>
        <bdi>{format(effect.before.value)}</bdi>{" "}
        <span className={styles.muted}>{t("kpis.effect.sample", { count: formatNumber(effect.before.sample) })}</span>
      </td>
      <td>
        <bdi>{format(effect.after.value)}</bdi>{" "}
        <span className={styles.muted}>{t("kpis.effect.sample", { count: formatNumber(effect.after.sample) })}</span>
      </td>
      <td>
        <bdi>{signed(effect.change)}</bdi>
        {effect.interval && (
          <div className={styles.muted}>
            {t("kpis.effect.interval", { low: signed(effect.interval[0]), high: signed(effect.interval[1]) })}
          </div>
        )}
      </td>
      <td className={styles[`verdict_${effect.verdict}`]}>{t(`kpis.effect.verdict.${effect.verdict}`)}</td>
    </tr>
  );
}

/**
 * The measured effect of a shipped idea on its KPIs, for the idea's detail view: before and after the ship date over
 * a trial period the reader can set, the change with its 95% interval and the verdict; "not enough data yet" until the
 * trial is over; editors can record the result once it is. Caveats (weekday mix, data coverage) are said in words.
 */
export function IdeaKpiEffect({
  workspaceId,
  ideaId,
  canRecord = false,
  trialDays: shownDays,
  onTrialDaysChange,
}: {
  workspaceId: string;
  ideaId: string;
  canRecord?: boolean;
  /** The trial period shown, when the idea's editor keeps it (moving the idea to "measured" records this one). */
  trialDays?: number;
  onTrialDaysChange?: (days: number) => void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const id = useId();
  const [ownDays, setOwnDays] = useState(28);
  const trialDays = shownDays ?? ownDays;
  const setTrialDays = onTrialDaysChange ?? setOwnDays;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ideaEffectKey(ideaId, trialDays),
    queryFn: () => fetchIdeaEffect(workspaceId, ideaId, trialDays),
    staleTime: 60_000,
  });
  const record = useMutation({
    mutationFn: () => recordIdeaEffect(workspaceId, ideaId, trialDays),
    onSuccess: (effect: IdeaEffect) => queryClient.setQueryData(ideaEffectKey(ideaId, trialDays), effect),
  });
  const effect = query.data;
  const message = (err: unknown) => (err instanceof ApiRequestError ? err.message : String(err));
  return (
    <section className={styles.effect} aria-labelledby={`${id}-title`} data-testid="idea-kpi-effect">
      <h3 id={`${id}-title`}>{t("kpis.effect.title")}</h3>
      <label>
        {t("kpis.effect.trialDays")}{" "}
        <select value={trialDays} onChange={(e) => setTrialDays(Number(e.target.value))}>
          {[7, 14, 28, 56, 91].map((d) => (
            <option key={d} value={d}>
              {formatNumber(d)}
            </option>
          ))}
        </select>
      </label>
      {query.isPending && <p className={styles.muted}>{t("kpis.effect.loading")}</p>}
      {query.isError && (
        <p role="alert" className={styles.error}>
          {t("kpis.effect.failed", { message: message(query.error) })}
        </p>
      )}
      {effect && effect.kpis.length === 0 && <p className={styles.muted}>{t("kpis.effect.noKpis")}</p>}
      {effect && !effect.shippedAt && effect.kpis.length > 0 && (
        <p className={styles.muted}>{t("kpis.effect.notShipped")}</p>
      )}
      {effect?.shippedAt && !effect.ready && effect.readyOn && (
        <p className={styles.muted}>
          {t("kpis.effect.waiting", { days: effect.trialDays, date: formatDate(effect.readyOn) })}
        </p>
      )}
      {effect && effect.shippedAt && effect.kpis.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("kpis.effect.kpi")}</th>
              <th scope="col">{t("kpis.effect.before")}</th>
              <th scope="col">{t("kpis.effect.after")}</th>
              <th scope="col">{t("kpis.effect.change")}</th>
              <th scope="col">{t("kpis.effect.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {effect.kpis.map((k) => (
              <EffectRow key={k.kpiId} effect={k} />
            ))}
          </tbody>
        </table>
      )}
      {effect?.caveats.map((c) => (
        <p key={c} className={styles.muted}>
          {t(`kpis.effect.caveat.${c}`)}
        </p>
      ))}
      {effect?.recordedAt && (
        <p className={styles.muted}>{t("kpis.effect.recorded", { date: formatDate(effect.recordedAt) })}</p>
      )}
      {canRecord && effect?.ready && !effect.recordedAt && (
        <button type="button" onClick={() => record.mutate()} disabled={record.isPending}>
          {t("kpis.effect.record")}
        </button>
      )}
      {record.isError && (
        <p role="alert" className={styles.error}>
          {t("kpis.effect.failed", { message: message(record.error) })}
        </p>
      )}
    </section>
  );
}
