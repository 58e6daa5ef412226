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
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { api } from "../../../api/apiClient.js";
import { ErrorScreen } from "../../../app/ErrorScreen.js";
import { LoadingScreen } from "../../../app/LoadingScreen.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { fetchFacets, fetchRules, fetchUnmapped } from "../api/evidenceApi.js";
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
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const readOnly = !role || !roleAllows(role, "write");
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState("");

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const base = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
      try {
        const [touchpoints, channels, rules, facets, unmapped] = await Promise.all([
          api
            .get<unknown[]>(`${base}/touchpoints`, { signal })
            .then((rows) => rows.map((r) => TouchpointSchema.parse(r))),
          api.get<unknown[]>(`${base}/channels`, { signal }).then((rows) => rows.map((r) => ChannelSchema.parse(r))),
          fetchRules(workspaceId, signal),
          fetchFacets(workspaceId, signal),
          fetchUnmapped(workspaceId, signal),
        ]);
        setData({ touchpoints, channels, rules, facets, unmapped });
      } catch (err) {
        if (!signal?.aborted) setError(err);
      }
    },
    [workspaceId],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);
  useEffect(() => {
    document.title = `${t("evidence.rules.title")} · ${t("common.app.title")}`;
  }, [t]);

  const ruleCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of data?.rules ?? []) counts.set(r.touchpointId, (counts.get(r.touchpointId) ?? 0) + 1);
    return counts;
  }, [data?.rules]);

  if (error)
    return (
      <ErrorScreen
        error={error}
        onRetry={() => {
          setError(null);
          void load();
        }}
      />
    );
  if (!data) return <LoadingScreen />;
  const shown = data.touchpoints.filter((tp) => tp.name.toLowerCase().includes(query.trim().toLowerCase()));
  const touchpoint = data.touchpoints.find((tp) => tp.id === selected);

  return (
    <div className={styles.page} data-testid="touchpoint-rules-page">
      <header className={styles.header}>
        <div>
          <Link href="/data" className="btn btn-ghost btn-small">
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
                onRulesChange={(rules) => {
                  setData({ ...data, rules });
                  // The unmapped list follows the rules; if it cannot be refreshed now, the next visit shows it.
                  void fetchUnmapped(workspaceId).then(
                    (unmapped) => setData((d) => (d ? { ...d, unmapped } : d)),
                    () => undefined,
                  );
                }}
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
            const unmapped = await fetchUnmapped(workspaceId);
            setData({ ...data, touchpoints: [...data.touchpoints, created], rules: [...data.rules, rule], unmapped });
            setSelected(created.id);
          }}
        />
      </section>
    </div>
  );
}
