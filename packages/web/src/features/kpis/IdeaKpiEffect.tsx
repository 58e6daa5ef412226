import type { IdeaEffect, KpiEffect } from "@opencjm/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiRequestError } from "../../api/apiClient.js";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { formatKpiValue } from "./formatKpiValue.js";
import { fetchIdeaEffect, ideaEffectKey, recordIdeaEffect, type EffectWindows } from "./kpisApi.js";
import styles from "./Kpis.module.css";

/** The window lengths offered, in days: whole weeks, so both windows hold each weekday as often. */
const WINDOW_DAYS = [7, 14, 28, 56, 91];

// The caveats this app words itself, for an answer that does not word them (a server older than the sentences).
const WORDED_HERE = new Set(["weekdayMix", "dataStartsLate", "dataEndsEarly"]);

/** The caveats of an effect as sentences: the server's own, naming the dates and window lengths, in the reader's language. */
function caveatsOf(effect: IdeaEffect, t: (key: string) => string): string[] {
  if (effect.caveatMessages.length > 0) return effect.caveatMessages.map((c) => c.message);
  return effect.caveats.filter((c) => WORDED_HERE.has(c)).map((c) => t(`kpis.effect.caveat.${c}`));
}

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
      <td className={styles[`verdict_${effect.verdict}`]}>
        {t(`kpis.effect.verdict.${effect.verdict}`)}
        {effect.problem && <div className={styles.muted}>{effect.problem.message}</div>}
      </td>
    </tr>
  );
}

/**
 * The measured effect of a shipped idea on its KPIs, for the idea's detail view: after the ship date over a trial
 * period the reader can set, against as many days before it or another number of days, the change with its 95%
 * interval and the verdict; "not enough data yet" until the trial is over; editors can record the result once it is.
 * Caveats (weekday mix, windows of different lengths, data coverage) are said in words.
 */
export function IdeaKpiEffect({
  workspaceId,
  ideaId,
  canRecord = false,
  windows: shownWindows,
  onWindowsChange,
}: {
  workspaceId: string;
  ideaId: string;
  canRecord?: boolean;
  /** The windows shown, when the idea's editor keeps them (moving the idea to "measured" records these). */
  windows?: EffectWindows;
  onWindowsChange?: (windows: EffectWindows) => void;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const id = useId();
  const [ownWindows, setOwnWindows] = useState<EffectWindows>({ afterDays: 28, beforeDays: null });
  const windows = shownWindows ?? ownWindows;
  const setWindows = onWindowsChange ?? setOwnWindows;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ideaEffectKey(ideaId, windows),
    queryFn: () => fetchIdeaEffect(workspaceId, ideaId, windows),
    staleTime: 60_000,
  });
  const record = useMutation({
    mutationFn: () => recordIdeaEffect(workspaceId, ideaId, windows),
    onSuccess: (effect: IdeaEffect) => queryClient.setQueryData(ideaEffectKey(ideaId, windows), effect),
  });
  const effect = query.data;
  const message = (err: unknown) => (err instanceof ApiRequestError ? err.message : String(err));
  return (
    <section className={styles.effect} aria-labelledby={`${id}-title`} data-testid="idea-kpi-effect">
      <h3 id={`${id}-title`}>{t("kpis.effect.title")}</h3>
      <label>
        {t("kpis.effect.trialDays")}{" "}
        <select
          value={windows.afterDays}
          onChange={(e) => setWindows({ ...windows, afterDays: Number(e.target.value) })}
        >
          {WINDOW_DAYS.map((d) => (
            <option key={d} value={d}>
              {formatNumber(d)}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("kpis.effect.beforeDays")}{" "}
        <select
          value={windows.beforeDays ?? ""}
          onChange={(e) =>
            setWindows({ ...windows, beforeDays: e.target.value === "" ? null : Number(e.target.value) })
          }
        >
          <option value="">{t("kpis.effect.sameAsTrial")}</option>
          {WINDOW_DAYS.map((d) => (
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
      {effect &&
        caveatsOf(effect, t).map((text) => (
          <p key={text} className={styles.muted} data-testid="effect-caveat">
            {text}
          </p>
        ))}
      {effect?.recordedAt && (
        <p className={styles.muted}>{t("kpis.effect.recorded", { date: formatDate(effect.recordedAt) })}</p>
      )}
      {canRecord && effect?.ready && !effect.recordedAt && (
        <Button size="small" onClick={() => record.mutate()} disabled={record.isPending}>
          {t("kpis.effect.record")}
        </Button>
      )}
      {record.isError && (
        <p role="alert" className={styles.error}>
          {t("kpis.effect.failed", { message: message(record.error) })}
        </p>
      )}
    </section>
  );
}
