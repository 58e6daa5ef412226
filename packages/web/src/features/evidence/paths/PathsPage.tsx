import { PersonaSchema, roleAllows, type Persona } from "@opencjm/core";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import { api } from "../../../api/apiClient.js";
import { ErrorScreen } from "../../../app/ErrorScreen.js";
import { LoadingScreen } from "../../../app/LoadingScreen.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { useEvidence } from "../map/EvidenceContext.js";
import { EvidenceBar } from "../map/EvidenceBar.js";
import { EvidenceProvider } from "../map/EvidenceProvider.js";
import { ConformanceView } from "./ConformanceView.js";
import { DraftMapButton } from "./DraftMapButton.js";
import { SankeyDiagram } from "./SankeyDiagram.js";
import { VariantsList } from "./VariantsList.js";
import styles from "./Paths.module.css";

function PathsBody({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const evidence = useEvidence();
  const metrics = evidence?.metrics;
  if (evidence?.status === "failed" && !metrics) return <p role="alert">{errorMessage(evidence.error)}</p>;
  if (!metrics) return <LoadingScreen />;
  if (evidence?.status === "empty") return null;
  return (
    <>
      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("evidence.paths.sankeyTitle")}</h2>
        <p className={styles.muted}>{t("evidence.paths.sankeyIntro")}</p>
        <SankeyDiagram paths={metrics.paths} />
      </section>
      <div className={styles.columns}>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("evidence.paths.variantsTitle")}</h2>
          <VariantsList paths={metrics.paths} />
        </section>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("evidence.conformance.title")}</h2>
          <ConformanceView metrics={metrics} />
        </section>
      </div>
      {canWrite && (
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("evidence.paths.draftTitle")}</h2>
          <p className={styles.muted}>{t("evidence.paths.draftIntro")}</p>
          <DraftMapButton />
        </section>
      )}
    </>
  );
}

/** Paths of real customers through a map: a Sankey of flows, the common variants, conformance and a drafted map. */
export default function PathsPage({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const t = useT();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const [loaded, setLoaded] = useState<{ title: string; personas: Persona[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    const base = `/api/workspaces/${encodeURIComponent(workspaceId)}`;
    Promise.all([
      api.get<{ map: { title: string } }>(`${base}/maps/${encodeURIComponent(mapId)}`, { signal: abort.signal }),
      api.get<unknown[]>(`${base}/personas`, { signal: abort.signal }),
    ]).then(
      ([map, personas]) => setLoaded({ title: map.map.title, personas: personas.map((p) => PersonaSchema.parse(p)) }),
      (err: unknown) => !abort.signal.aborted && setError(err),
    );
    return () => abort.abort();
  }, [workspaceId, mapId]);
  useEffect(() => {
    if (loaded) document.title = `${t("evidence.paths.title")} · ${loaded.title} · ${t("common.app.title")}`;
  }, [loaded, t]);
  if (error) return <ErrorScreen error={error} />;
  if (!loaded) return <LoadingScreen />;
  return (
    <EvidenceProvider workspaceId={workspaceId} mapId={mapId} alwaysShown>
      <div className={styles.page} data-testid="paths-page">
        <header className={styles.header}>
          <Link href={`/maps/${mapId}`} className="btn btn-ghost btn-small" data-testid="back-to-map">
            {t("evidence.paths.backToMap")}
          </Link>
          <h1 className={styles.title}>
            {t("evidence.paths.title")} · <bdi>{loaded.title}</bdi>
          </h1>
        </header>
        <div className={styles.barBox}>
          <EvidenceBar personas={loaded.personas} pathsLink={false} />
        </div>
        <PathsBody canWrite={!!role && roleAllows(role, "write")} />
      </div>
    </EvidenceProvider>
  );
}
