import { PersonaSchema, roleAllows } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "wouter";
import { personaListQuery } from "../../../api/workspaceQueries.js";
import { buttonClassName } from "../../../app/Button.js";
import { LoadingScreen } from "../../../app/LoadingScreen.js";
import { QueryView } from "../../../app/QueryView.js";
import { useSession } from "../../../app/SessionProvider.js";
import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { mapWithSnapshotQuery } from "../../compare/compareQueries.js";
import { useEvidence } from "../map/EvidenceContext.js";
import { EvidenceBar } from "../map/EvidenceBar.js";
import { caseDurationsQuery } from "../api/evidenceQueries.js";
import { EvidenceProvider, metricsRequest } from "../map/EvidenceProvider.js";
import { ConformanceView } from "./ConformanceView.js";
import { DirectlyFollowsGraph } from "./DirectlyFollowsGraph.js";
import { DraftMapButton } from "./DraftMapButton.js";
import { SankeyDiagram } from "./SankeyDiagram.js";
import { VariantsList } from "./VariantsList.js";
import styles from "./Paths.module.css";

function PathsBody({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const evidence = useEvidence();
  const metrics = evidence?.metrics;
  const durations = useQuery({
    ...caseDurationsQuery(
      evidence?.workspaceId ?? "",
      evidence?.mapId ?? "",
      metricsRequest(evidence?.filters ?? { channels: [] }),
    ),
    enabled: !!evidence && evidence.status === "ready",
  });
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
      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t("processMap.dfg.title")}</h2>
        <p className={styles.muted}>{t("processMap.dfg.intro")}</p>
        <DirectlyFollowsGraph paths={metrics.paths} />
      </section>
      <div className={styles.columns}>
        <section className={styles.section}>
          <h2 className={styles.sectionTitle}>{t("evidence.paths.variantsTitle")}</h2>
          <VariantsList paths={metrics.paths} durations={durations.data} />
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
  const map = useQuery(mapWithSnapshotQuery(workspaceId, mapId));
  const personas = useQuery({
    ...personaListQuery(workspaceId),
    select: (rows) => rows.map((p) => PersonaSchema.parse(p)),
  });
  const title = map.data?.map.title;
  useEffect(() => {
    if (title !== undefined) document.title = `${t("evidence.paths.title")} · ${title} · ${t("common.app.title")}`;
  }, [title, t]);
  return (
    <QueryView queries={[map, personas]}>
      {(loaded, personaList) => (
        <EvidenceProvider workspaceId={workspaceId} mapId={mapId} alwaysShown>
          <div className={styles.page} data-testid="paths-page">
            <header className={styles.header}>
              <Link href={`/maps/${mapId}`} className={buttonClassName("ghost", "small")} data-testid="back-to-map">
                {t("evidence.paths.backToMap")}
              </Link>
              <h1 className={styles.title}>
                {t("evidence.paths.title")} · <bdi>{loaded.map.title}</bdi>
              </h1>
            </header>
            <div className={styles.barBox}>
              <EvidenceBar personas={personaList} pathsLink={false} />
            </div>
            <PathsBody canWrite={!!role && roleAllows(role, "write")} />
          </div>
        </EvidenceProvider>
      )}
    </QueryView>
  );
}
