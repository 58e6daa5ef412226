import {
  type Channel,
  ChannelSchema,
  type DataFacets,
  roleAllows,
  type Touchpoint,
  type TouchpointRule,
  TouchpointSchema,
  type UnmatchedEvents,
} from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { channelListQuery, touchpointListQuery, workspaceKeys } from "../../../api/workspaceQueries.js";
import { buttonClassName } from "../../../app/Button.js";
import { QueryView } from "../../../app/QueryView.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { facetsQuery, ruleListQuery, unmappedQuery, useEvidenceCache } from "../api/evidenceQueries.js";
import { touchpointFromEvent } from "./touchpointFromEvent.js";
import { TouchpointRulesPanel } from "./TouchpointRulesPanel.js";
import { UnmappedEventsList } from "./UnmappedEventsList.js";
import styles from "./Rules.module.css";

interface Loaded {
  touchpoints: Touchpoint[];
  channels: Channel[];
  rules: TouchpointRule[];
  facets: DataFacets;
  unmapped: UnmatchedEvents;
}

/**
 * Linking the catalogue to the data: each touchpoint with the rules that say which events are it (edited with live
 * counts), and the events no rule takes yet, each one click away from a touchpoint of its own.
 */
export default function TouchpointRulesPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const touchpoints = useQuery({
    ...touchpointListQuery(workspaceId),
    select: (rows) => rows.map((r) => TouchpointSchema.parse(r)),
  });
  const channels = useQuery({
    ...channelListQuery(workspaceId),
    select: (rows) => rows.map((r) => ChannelSchema.parse(r)),
  });
  const rules = useQuery(ruleListQuery(workspaceId));
  const facets = useQuery(facetsQuery(workspaceId));
  const unmapped = useQuery(unmappedQuery(workspaceId));
  useEffect(() => {
    document.title = `${t("evidence.rules.title")} · ${t("common.app.title")}`;
  }, [t]);
  return (
    <QueryView queries={[touchpoints, channels, rules, facets, unmapped]}>
      {(tp, ch, r, f, u) => (
        <TouchpointRules
          workspaceId={workspaceId}
          data={{ touchpoints: tp, channels: ch, rules: r, facets: f, unmapped: u }}
        />
      )}
    </QueryView>
  );
}

function TouchpointRules({ workspaceId, data }: { workspaceId: string; data: Loaded }) {
  const { t } = useI18n();
  const { roleIn } = useSession();
  const client = useQueryClient();
  const cache = useEvidenceCache(workspaceId);
  const role = roleIn(workspaceId);
  const readOnly = !role || !roleAllows(role, "write");
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState("");

  const ruleCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of data.rules) counts.set(r.touchpointId, (counts.get(r.touchpointId) ?? 0) + 1);
    return counts;
  }, [data.rules]);

  const shown = data.touchpoints.filter((tp) => tp.name.toLowerCase().includes(query.trim().toLowerCase()));
  const touchpoint = data.touchpoints.find((tp) => tp.id === selected);

  return (
    <div className={styles.page} data-testid="touchpoint-rules-page">
      <header className={styles.header}>
        <div>
          <Link href="/data" className={buttonClassName("ghost", "small")}>
            {t("evidence.data.back")}
          </Link>
          <h1 className={styles.title}>{t("evidence.rules.title")}</h1>
          <p className={styles.muted}>{t("evidence.rules.intro")}</p>
        </div>
      </header>
      <div className={styles.columns}>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("evidence.rules.touchpoints")}</h2>
          <input
            className="input"
            type="search"
            value={query}
            placeholder={t("common.action.search")}
            aria-label={t("common.action.search")}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className={styles.touchpoints} data-testid="catalogue-touchpoints">
            {shown.map((tp) => (
              <li key={tp.id}>
                <button
                  type="button"
                  className={styles.touchpoint}
                  aria-pressed={tp.id === selected}
                  onClick={() => setSelected(tp.id === selected ? null : tp.id)}
                  data-testid="catalogue-touchpoint"
                  data-touchpoint-id={tp.id}
                >
                  <bdi>{tp.name}</bdi>
                  <span className={ruleCount.get(tp.id) ? "badge badge-success" : "badge"}>
                    {ruleCount.get(tp.id)
                      ? t("evidence.rules.linked", { count: ruleCount.get(tp.id)! })
                      : t("evidence.rules.notLinked")}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className={styles.section}>
          {touchpoint ? (
            <>
              <h2 className={styles.sectionTitle}>
                <bdi>{touchpoint.name}</bdi>
              </h2>
              <TouchpointRulesPanel
                key={touchpoint.id}
                workspaceId={workspaceId}
                touchpoint={touchpoint}
                rules={data.rules}
                facets={data.facets}
                readOnly={readOnly}
                onRulesChange={(rules) => void cache.rulesChanged(rules)}
              />
            </>
          ) : (
            <p className={styles.muted}>{t("evidence.rules.pick")}</p>
          )}
        </section>
      </div>
      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("evidence.unmapped.title")}</h2>
        <UnmappedEventsList
          unmapped={data.unmapped}
          readOnly={readOnly}
          onCreate={async (item) => {
            const { touchpoint: created, rule } = await touchpointFromEvent(workspaceId, data.channels, item);
            await cache.rulesChanged([...data.rules, rule]);
            await client.invalidateQueries({ queryKey: workspaceKeys.touchpoints(workspaceId) });
            setSelected(created.id);
          }}
        />
      </section>
    </div>
  );
}
