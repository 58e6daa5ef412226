import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "wouter";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { conversionWindowText } from "../evidence/conversionWindowText.js";
import { fetchCustomersWhoLeft } from "./customerTimelineApi.js";
import styles from "./CustomerTimeline.module.css";

/**
 * "Show me some customers who left here" (`/w/<id>/maps/<mapId>/steps/<stepId>/left`, with the data view's filters
 * `persona`, `channel`, `from`, `to`, `window` in the address): how many left the step within the stated conversion
 * window and a sample of them, each opening their timeline against this map under the same window.
 */
export default function CustomersWhoLeftPage(props: { workspaceId: string; mapId: string; stepId: string }) {
  const { workspaceId, mapId, stepId } = props;
  const i18n = useI18n();
  const { t, formatDate, formatNumber } = i18n;
  const errorMessage = useErrorMessage();
  const params = new URLSearchParams(useSearch());
  const personaId = params.get("persona") ?? undefined;
  const channels = params.getAll("channel");
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  const windowHours = Number(params.get("window")) || undefined;
  const request = {
    personaId,
    filters: { channels: channels.length ? channels : undefined, from, to },
    ...(windowHours ? { options: { conversionWindowHours: windowHours } } : {}),
    limit: 20,
  };
  const left = useQuery({
    queryKey: ["customersWhoLeft", workspaceId, mapId, stepId, request],
    queryFn: ({ signal }) => fetchCustomersWhoLeft(workspaceId, mapId, stepId, request, signal),
    retry: false,
  });

  return (
    <section className={styles.page} aria-labelledby="left-title">
      <p>
        <Link href={`/maps/${encodeURIComponent(mapId)}`}>{t("customerTimeline.backToMap")}</Link>
      </p>
      <h1 id="left-title" dir="auto">
        {left.data ? t("customerTimeline.whoLeftTitle", { step: left.data.stepName }) : t("customerTimeline.whoLeft")}
      </h1>
      {left.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(left.error)}
        </p>
      ) : left.isPending ? (
        <p aria-busy="true">{t("customerTimeline.loading")}</p>
      ) : left.data.left === 0 ? (
        <p className={styles.muted}>{t("customerTimeline.nobodyLeft")}</p>
      ) : (
        <>
          <p className={styles.muted} data-testid="who-left-window">
            {conversionWindowText(i18n, left.data.conversionWindowHours)}
          </p>
          <p data-testid="who-left-count">
            {t("customerTimeline.leftCount", {
              count: left.data.left,
              shown: formatNumber(left.data.customers.length),
            })}
          </p>
          <ul className={styles.sample} data-testid="who-left-list">
            {left.data.customers.map((c) => {
              const query = new URLSearchParams({
                identifier: c.identifier.value,
                kind: c.identifier.kind,
                map: mapId,
                ...(windowHours ? { window: String(windowHours) } : {}),
              });
              return (
                <li key={`${c.identifier.kind}:${c.identifier.value}`}>
                  <Link href={`/customers?${query.toString()}`} data-testid="who-left-customer" dir="auto">
                    {c.identifier.value}
                  </Link>{" "}
                  <span className={styles.muted}>
                    {t("customerTimeline.reachedAt", {
                      when: formatDate(c.reachedAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
