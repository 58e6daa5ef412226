import { type ImportRecord, roleAllows, type Source as EventSource } from "@opencjm/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { ErrorScreen } from "../../../app/ErrorScreen.js";
import { LoadingScreen } from "../../../app/LoadingScreen.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { fetchImports, fetchSources } from "../api/evidenceApi.js";
import { ImportHistory } from "./ImportHistory.js";
import { ImportWizard } from "./ImportWizard.js";
import { NewSourceForm } from "./NewSourceForm.js";
import styles from "./DataSources.module.css";

/**
 * The customer-data screen: the workspace's sources (web analytics, CRM, support, surveys…) with their event counts,
 * importing a file into one of them, and the import history with every refused file's reason.
 */
export default function DataSourcesPage({ workspaceId }: { workspaceId: string }) {
  const { t, formatNumber, formatRelative } = useI18n();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const canWrite = !!role && roleAllows(role, "write");
  const [sources, setSources] = useState<EventSource[] | null>(null);
  const [imports, setImports] = useState<ImportRecord[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<EventSource | null>(null);

  // Reloads can overlap (an import finishing while a source is created): only the latest one's answer is shown.
  const latest = useRef(0);
  const reload = useCallback(
    async (signal?: AbortSignal) => {
      const ticket = ++latest.current;
      try {
        const [s, i] = await Promise.all([fetchSources(workspaceId, signal), fetchImports(workspaceId, signal)]);
        if (ticket !== latest.current) return;
        setSources(s);
        setImports(i);
      } catch (err) {
        if (!signal?.aborted) setError(err);
      }
    },
    [workspaceId],
  );
  useEffect(() => {
    const abort = new AbortController();
    void reload(abort.signal);
    return () => abort.abort();
  }, [reload]);
  useEffect(() => {
    document.title = `${t("evidence.data.title")} · ${t("common.app.title")}`;
  }, [t]);

  if (error)
    return (
      <ErrorScreen
        error={error}
        onRetry={() => {
          setError(null);
          void reload();
        }}
      />
    );
  if (!sources) return <LoadingScreen />;
  // The wizard stays open on its source even while a reload is on its way (a new source may be missing from an older answer).
  const source = sources.find((s) => s.sourceId === selected?.sourceId) ?? selected;
  const running = imports.some((i) => i.status === "running");

  return (
    <div className={styles.page} data-testid="data-sources-page">
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t("evidence.data.title")}</h1>
          <p className={styles.muted}>{t("evidence.data.intro")}</p>
        </div>
        <nav className={styles.headerActions}>
          <Link href="/data/touchpoints" className="btn">
            {t("evidence.rules.open")}
          </Link>
        </nav>
      </header>
      {running && (
        <p role="status" className={styles.notice} data-testid="import-running">
          {t("evidence.data.running")}
        </p>
      )}
      <section className={styles.section}>
        <div className={styles.sectionHead}>
          <h2 className={styles.sectionTitle}>{t("evidence.source.title")}</h2>
          {canWrite && !creating && (
            <button
              type="button"
              className="btn btn-primary btn-small"
              onClick={() => setCreating(true)}
              data-testid="new-source"
            >
              {t("evidence.source.new")}
            </button>
          )}
        </div>
        {creating && (
          <NewSourceForm
            workspaceId={workspaceId}
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              latest.current++;
              setSources([...sources, created]);
              setSelected(created);
            }}
          />
        )}
        {sources.length === 0 && !creating ? (
          <p className={styles.muted}>{t("evidence.source.empty")}</p>
        ) : (
          <ul className={styles.sources} data-testid="source-list">
            {sources.map((s) => (
              <li
                key={s.sourceId}
                className={styles.sourceItem}
                data-selected={s.sourceId === selected?.sourceId || undefined}
                data-testid="source"
                data-source-id={s.sourceId}
              >
                <div className={styles.sourceText}>
                  <strong dir="auto">{s.name}</strong>
                  <span className={styles.muted}>
                    {t(`evidence.sourceKind.${s.kind}`)} · {t("evidence.source.events", { count: s.events })}
                    {s.lastImportAt &&
                      ` · ${t("evidence.source.lastImport", { when: formatRelative(s.lastImportAt) })}`}
                  </span>
                </div>
                {canWrite && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-pressed={s.sourceId === selected?.sourceId}
                    onClick={() => setSelected(s.sourceId === selected?.sourceId ? null : s)}
                    data-testid="import-into"
                  >
                    {t("evidence.source.import")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {source && canWrite && (
          <ImportWizard
            key={source.sourceId}
            workspaceId={workspaceId}
            source={source}
            onFinished={() => void reload()}
            onSourceChange={(changed) => {
              setSources(sources.map((s) => (s.sourceId === changed.sourceId ? changed : s)));
              setSelected(changed);
            }}
          />
        )}
      </section>
      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("evidence.history.title")}</h2>
        <p className={styles.muted}>
          {t("evidence.history.total", {
            count: imports.length,
            events: formatNumber(sources.reduce((n, s) => n + s.events, 0)),
          })}
        </p>
        <ImportHistory imports={imports} sources={sources} />
      </section>
    </div>
  );
}
