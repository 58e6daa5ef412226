import { type ImportRecord, roleAllows, type Source as EventSource } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import { Button, buttonClassName } from "../../../app/Button.js";
import { QueryView } from "../../../app/QueryView.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { importListQuery, importRunning, sourceListQuery, useEvidenceCache } from "../api/evidenceQueries.js";
import { ImportHistory } from "./ImportHistory.js";
import { ImportWizard } from "./ImportWizard.js";
import { NewSourceForm } from "./NewSourceForm.js";
import styles from "./DataSources.module.css";

/**
 * The customer-data screen: the workspace's sources (web analytics, CRM, support, surveys…) with their event counts,
 * importing a file into one of them, and the import history with every refused file's reason.
 */
export default function DataSourcesPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const sources = useQuery(sourceListQuery(workspaceId));
  const imports = useQuery(importListQuery(workspaceId));
  useEffect(() => {
    document.title = `${t("evidence.data.title")} · ${t("common.app.title")}`;
  }, [t]);
  return (
    <QueryView queries={[sources, imports]}>
      {(sourceList, importList) => <DataSources workspaceId={workspaceId} sources={sourceList} imports={importList} />}
    </QueryView>
  );
}

function DataSources({
  workspaceId,
  sources,
  imports,
}: {
  workspaceId: string;
  sources: EventSource[];
  imports: ImportRecord[];
}) {
  const { t, formatNumber, formatRelative } = useI18n();
  const { roleIn } = useSession();
  const cache = useEvidenceCache(workspaceId);
  const role = roleIn(workspaceId);
  const canWrite = !!role && roleAllows(role, "write");
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<EventSource | null>(null);

  // The wizard stays open on its source even while a reload is on its way (a new source may be missing from an older answer).
  const source = sources.find((s) => s.sourceId === selected?.sourceId) ?? selected;
  const running = importRunning(imports);

  return (
    <div className={styles.page} data-testid="data-sources-page">
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t("evidence.data.title")}</h1>
          <p className={styles.muted}>{t("evidence.data.intro")}</p>
        </div>
        <nav className={styles.headerActions}>
          <Link href="/data/touchpoints" className={buttonClassName()}>
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
            <Button variant="primary" size="small" onClick={() => setCreating(true)} data-testid="new-source">
              {t("evidence.source.new")}
            </Button>
          )}
        </div>
        {creating && (
          <NewSourceForm
            workspaceId={workspaceId}
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              cache.sourceStored(created);
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
                  <Button
                    size="small"
                    aria-pressed={s.sourceId === selected?.sourceId}
                    onClick={() => setSelected(s.sourceId === selected?.sourceId ? null : s)}
                    data-testid="import-into"
                  >
                    {t("evidence.source.import")}
                  </Button>
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
            onFinished={() => void cache.importFinished()}
            onSourceChange={(changed) => {
              cache.sourceStored(changed);
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
