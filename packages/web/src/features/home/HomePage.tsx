import type { Persona } from "@opencjm/core";
import { useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { ErrorScreen } from "../../app/ErrorScreen.js";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { ImportMapButton } from "../exchange/ImportMapButton.js";
import { allTags, filterMaps, filtersFromSearch, filtersToSearch, type MapFilters } from "./filterMaps.js";
import { fetchMaps, fetchPersonas, type MapListItem } from "./homeApi.js";
import { MapFiltersBar } from "./MapFiltersBar.js";
import { MapList } from "./MapList.js";
import { NewPersonaDialog } from "./NewPersonaDialog.js";
import { PersonaList } from "./PersonaList.js";
import styles from "./HomePage.module.css";

type Loaded = { maps: MapListItem[]; personas: Persona[] };

/** The workspace's home: its maps (searchable, filterable, sortable) and its personas, with ways to create both. */
export default function HomePage({ workspaceId }: { workspaceId: string }) {
  const { t, locale } = useI18n();
  const { session, roleIn } = useSession();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [filters, setFilters] = useState<MapFilters>(() => filtersFromSearch(window.location.search));
  const [creatingPersona, setCreatingPersona] = useState(false);
  // Relative times ("3 minutes ago") are computed against the moment the list arrived.
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    Promise.all([fetchMaps(workspaceId, abort.signal), fetchPersonas(workspaceId, abort.signal)]).then(
      ([maps, personas]) => {
        setData({ maps, personas });
        setNow(Date.now());
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setError(err);
      },
    );
    return () => abort.abort();
  }, [workspaceId, attempt]);

  // Keep the filters in the address (without a navigation), so reloading or coming back from a map keeps them.
  useEffect(() => {
    const search = filtersToSearch(filters);
    const url = search ? `${window.location.pathname}?${search}` : window.location.pathname;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(window.history.state, "", url);
  }, [filters]);

  const personaById = useMemo(() => new Map((data?.personas ?? []).map((p) => [p.id, p])), [data]);
  const personaNames = useMemo(() => new Map([...personaById].map(([id, p]) => [id, p.name])), [personaById]);
  const shown = useMemo(
    () => (data ? filterMaps(data.maps, filters, personaNames, locale) : []),
    [data, filters, personaNames, locale],
  );
  const mapCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of data?.maps ?? []) for (const id of m.personaIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [data]);

  if (error) return <ErrorScreen error={error} onRetry={() => setAttempt(attempt + 1)} />;
  if (!data) return <LoadingScreen />;

  const role = roleIn(workspaceId);
  const canWrite = role === "owner" || role === "editor";
  const workspace = session?.workspaces.find((w) => w.id === workspaceId);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>
            <bdi>{workspace?.name ?? t("shell.workspace")}</bdi>
          </h1>
          <p className={styles.muted}>
            {t("common.count.maps", { count: data.maps.length })} ·{" "}
            {t("home.personaCount", { count: data.personas.length })}
          </p>
        </div>
        <div className={styles.headerActions}>
          <ImportMapButton workspaceId={workspaceId} />
          {canWrite && (
            <button type="button" className="btn" onClick={() => setCreatingPersona(true)} data-testid="new-persona">
              {t("home.newPersona")}
            </button>
          )}
          {canWrite && (
            <Link href="/new" className="btn btn-primary" data-testid="new-map">
              {t("home.newMap")}
            </Link>
          )}
        </div>
      </header>
      {creatingPersona && <NewPersonaDialog workspaceId={workspaceId} onClose={() => setCreatingPersona(false)} />}

      <section className={styles.section} aria-labelledby="home-maps">
        <h2 id="home-maps" className={styles.sectionTitle}>
          {t("home.maps")}
        </h2>
        {data.maps.length === 0 ? (
          <div className={styles.empty}>
            <p>{t("home.noMaps")}</p>
            {canWrite && (
              <Link href="/new" className="btn btn-primary">
                {t("home.startFromTemplate")}
              </Link>
            )}
          </div>
        ) : (
          <>
            <MapFiltersBar
              filters={filters}
              onChange={setFilters}
              personas={data.personas}
              tags={allTags(data.maps, locale)}
            />
            <p className={styles.resultCount} aria-live="polite">
              {t("home.shownOf", { shown: shown.length, total: data.maps.length })}
            </p>
            {shown.length === 0 ? (
              <p className={styles.empty}>{t("home.noMatch")}</p>
            ) : (
              <MapList workspaceId={workspaceId} maps={shown} allMaps={data.maps} personas={personaById} now={now} />
            )}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="home-personas">
        <h2 id="home-personas" className={styles.sectionTitle}>
          {t("home.personas")}
        </h2>
        {data.personas.length === 0 ? (
          <p className={styles.empty}>{t("home.noPersonas")}</p>
        ) : (
          <PersonaList personas={data.personas} mapCounts={mapCounts} />
        )}
      </section>
    </div>
  );
}
