import type { MapListItem, Persona } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import { mapListQuery, personaListQuery } from "../../api/workspaceQueries.js";
import { Button, buttonClassName } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { ImportMapButton } from "../exchange/ImportMapButton.js";
import { allTags, filterMaps, filtersFromSearch, filtersToSearch, type MapFilters } from "./filterMaps.js";
import { MapFiltersBar } from "./MapFiltersBar.js";
import { MapList } from "./MapList.js";
import { NewPersonaDialog } from "./NewPersonaDialog.js";
import { PersonaList } from "./PersonaList.js";
import styles from "./HomePage.module.css";

/** The workspace's home: its maps (searchable, filterable, sortable) and its personas, with ways to create both. */
export default function HomePage({ workspaceId }: { workspaceId: string }) {
  const maps = useQuery(mapListQuery(workspaceId));
  const personas = useQuery(personaListQuery(workspaceId));
  return (
    <QueryView queries={[maps, personas]}>
      {(mapList, personaList) => (
        // Relative times ("3 minutes ago") are computed against the moment the list arrived.
        <HomeContent workspaceId={workspaceId} maps={mapList} personas={personaList} now={maps.dataUpdatedAt} />
      )}
    </QueryView>
  );
}

function HomeContent({
  workspaceId,
  maps,
  personas,
  now,
}: {
  workspaceId: string;
  maps: MapListItem[];
  personas: Persona[];
  now: number;
}) {
  const { t, locale } = useI18n();
  const { session, roleIn } = useSession();
  const [filters, setFilters] = useState<MapFilters>(() => filtersFromSearch(window.location.search));
  const [creatingPersona, setCreatingPersona] = useState(false);

  // Keep the filters in the address (without a navigation), so reloading or coming back from a map keeps them.
  useEffect(() => {
    const search = filtersToSearch(filters);
    const url = search ? `${window.location.pathname}?${search}` : window.location.pathname;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(window.history.state, "", url);
  }, [filters]);

  const personaById = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas]);
  const personaNames = useMemo(() => new Map([...personaById].map(([id, p]) => [id, p.name])), [personaById]);
  const shown = useMemo(() => filterMaps(maps, filters, personaNames, locale), [maps, filters, personaNames, locale]);
  const mapCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of maps) for (const id of m.personaIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [maps]);

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
            {t("common.count.maps", { count: maps.length })} · {t("home.personaCount", { count: personas.length })}
          </p>
        </div>
        <div className={styles.headerActions}>
          <ImportMapButton workspaceId={workspaceId} />
          {canWrite && (
            <Button onClick={() => setCreatingPersona(true)} data-testid="new-persona">
              {t("home.newPersona")}
            </Button>
          )}
          {canWrite && (
            <Link href="/new" className={buttonClassName("primary")} data-testid="new-map">
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
        {maps.length === 0 ? (
          <div className={styles.empty}>
            <p>{t("home.noMaps")}</p>
            {canWrite && (
              <Link href="/new" className={buttonClassName("primary")}>
                {t("home.startFromTemplate")}
              </Link>
            )}
          </div>
        ) : (
          <>
            <MapFiltersBar filters={filters} onChange={setFilters} personas={personas} tags={allTags(maps, locale)} />
            <p className={styles.resultCount} aria-live="polite">
              {t("home.shownOf", { shown: shown.length, total: maps.length, count: maps.length })}
            </p>
            {shown.length === 0 ? (
              <p className={styles.empty}>{t("home.noMatch")}</p>
            ) : (
              <MapList workspaceId={workspaceId} maps={shown} allMaps={maps} personas={personaById} now={now} />
            )}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="home-personas">
        <h2 id="home-personas" className={styles.sectionTitle}>
          {t("home.personas")}
        </h2>
        {personas.length === 0 ? (
          <p className={styles.empty}>{t("home.noPersonas")}</p>
        ) : (
          <PersonaList personas={personas} mapCounts={mapCounts} />
        )}
      </section>
    </div>
  );
}
