import {
  CustomerTimelineQuerySchema,
  IdentifierKindSchema,
  type CustomerTimeline,
  type IdentifierKind,
} from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation, useSearch } from "wouter";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { storedConversionWindow } from "../evidence/map/storedConversionWindow.js";
import { fetchCustomerTimeline } from "./customerTimelineApi.js";
import { CustomerEventList } from "./CustomerEventList.js";
import { CustomerMapSteps } from "./CustomerMapSteps.js";
import { CustomerSurveyAnswers } from "./CustomerSurveyAnswers.js";
import styles from "./CustomerTimeline.module.css";

const kindOf = (value: string | null): IdentifierKind | undefined => IdentifierKindSchema.safeParse(value).data;
const windowParam = (value: string | null): number | undefined =>
  CustomerTimelineQuerySchema.shape.windowHours.safeParse(value ?? undefined).data;

/**
 * One customer's timeline (`/w/<id>/customers?identifier=…&kind=…&map=…&window=…`): find them by any identifier, then see
 * who they are by every identifier, why those are one person, how far along a chosen map they got, their scores and
 * their own words, and every event from every source in time order. The search lives in the address, so a list of
 * customers who left a step links straight here.
 */
export default function CustomerTimelinePage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const identifier = params.get("identifier")?.trim() ?? "";
  const kind = kindOf(params.get("kind"));
  const mapId = params.get("map") ?? undefined;
  // The window the link carries (from the customers who left a step), else the one chosen for the map on this device.
  const windowHours = mapId ? (windowParam(params.get("window")) ?? storedConversionWindow(mapId)) : undefined;
  const maps = useQuery(mapListQuery(workspaceId));
  const timeline = useQuery({
    queryKey: ["customerTimeline", workspaceId, identifier, kind, mapId, windowHours],
    queryFn: ({ signal }) => fetchCustomerTimeline(workspaceId, { identifier, kind, mapId, windowHours }, signal),
    enabled: identifier !== "",
    retry: false,
  });
  const [draft, setDraft] = useState({ identifier, kind: kind ?? "", mapId: mapId ?? "" });

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.identifier.trim()) next.set("identifier", draft.identifier.trim());
    if (draft.kind) next.set("kind", draft.kind);
    if (draft.mapId) next.set("map", draft.mapId);
    if (draft.mapId && draft.mapId === mapId && windowHours !== undefined) next.set("window", String(windowHours));
    navigate(`/customers?${next.toString()}`);
  };

  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <h1 id="customer-title">{t("customerTimeline.title")}</h1>
      <form className={styles.search} onSubmit={handleSubmit} role="search">
        <label className="field">
          {t("customerTimeline.identifier")}
          <input
            className="input"
            value={draft.identifier}
            onChange={(e) => setDraft({ ...draft, identifier: e.target.value })}
            placeholder={t("customerTimeline.identifierHint")}
            maxLength={500}
            data-testid="customer-identifier"
          />
        </label>
        <label className="field">
          {t("customerTimeline.kind")}
          <select className="input" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t("customerTimeline.anyKind")}</option>
            {IdentifierKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(`customerTimeline.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("customerTimeline.map")}
          <select className="input" value={draft.mapId} onChange={(e) => setDraft({ ...draft, mapId: e.target.value })}>
            <option value="">{t("customerTimeline.noMap")}</option>
            {maps.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary">
          {t("customerTimeline.find")}
        </button>
      </form>
      {identifier === "" ? (
        <p className={styles.muted}>{t("customerTimeline.intro")}</p>
      ) : timeline.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(timeline.error)}
        </p>
      ) : timeline.isPending ? (
        <p aria-busy="true">{t("customerTimeline.loading")}</p>
      ) : (
        <TimelineView timeline={timeline.data} />
      )}
    </section>
  );
}

function TimelineView({ timeline }: { timeline: CustomerTimeline }) {
  const { t } = useI18n();
  const attributes = Object.entries(timeline.attributes);
  const kindLabel = (kind: string) => (kindOf(kind) ? t(`customerTimeline.kind.${kindOf(kind)!}`) : kind);
  return (
    <div data-testid="customer-timeline">
      <h2>{t("customerTimeline.identifiers")}</h2>
      <dl className={styles.facts} data-testid="customer-identifiers">
        {timeline.identifiers.map((i) => (
          <div key={`${i.kind}:${i.value}`}>
            <dt>{kindLabel(i.kind)}</dt>
            <dd dir="auto">{i.value}</dd>
          </div>
        ))}
        {attributes.map(([name, value]) => (
          <div key={`attribute:${name}`}>
            <dt dir="auto">{name}</dt>
            <dd dir="auto">{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("customerTimeline.mergeLog")}</h2>
      {timeline.mergeLog.length === 0 ? (
        <p className={styles.muted}>{t("customerTimeline.noMerges")}</p>
      ) : (
        <ol className={styles.merges} data-testid="customer-merge-log">
          {timeline.mergeLog.map((m, i) => (
            <li key={i}>
              {t("customerTimeline.merge", {
                left: `${kindLabel(m.left.kind)} ${m.left.value}`,
                right: `${kindLabel(m.right.kind)} ${m.right.value}`,
              })}{" "}
              <span className={styles.muted} dir="auto">
                (
                {m.row === null || m.fileName === null
                  ? m.reason
                  : m.sourceName === null
                    ? t("customerTimeline.mergeAtNoSource", { row: m.row, file: m.fileName })
                    : t("customerTimeline.mergeAt", { row: m.row, file: m.fileName, source: m.sourceName })}
                )
              </span>
            </li>
          ))}
        </ol>
      )}
      {timeline.map && <CustomerMapSteps map={timeline.map} />}
      <CustomerSurveyAnswers answers={timeline.surveyAnswers} />
      <CustomerEventList events={timeline.events} eventCount={timeline.eventCount} />
    </div>
  );
}
