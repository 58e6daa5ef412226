import { useEffect, useState } from "react";
import { Link } from "wouter";
import { Menu } from "../../app/Menu.js";
import { useT } from "../../i18n/I18nProvider.js";
import { fetchMaps, type MapListItem } from "../home/homeApi.js";

/** Orders the other maps for comparison: the map this one was derived from, then maps derived from it, then the rest. */
export function comparisonCandidates(maps: readonly MapListItem[], mapId: string): MapListItem[] {
  const self = maps.find((m) => m.id === mapId);
  const rank = (m: MapListItem) => (m.id === self?.basedOnMapId ? 0 : m.basedOnMapId === mapId ? 1 : 2);
  return maps.filter((m) => m.id !== mapId).sort((a, b) => rank(a) - rank(b));
}

/**
 * "Compare with…": a menu of the workspace's other maps, each opening the side-by-side comparison with this map on
 * the left (the current state when this one is its source). Give `maps` when the caller already has the list.
 */
export function CompareWithMenu({
  workspaceId,
  mapId,
  maps: given,
}: {
  workspaceId: string;
  mapId: string;
  maps?: readonly MapListItem[];
}) {
  const t = useT();
  const [loaded, setLoaded] = useState<MapListItem[] | null>(null);
  useEffect(() => {
    if (given) return;
    const abort = new AbortController();
    fetchMaps(workspaceId, abort.signal).then(setLoaded, () => setLoaded([]));
    return () => abort.abort();
  }, [given, workspaceId]);
  const maps = given ?? loaded ?? [];
  const candidates = comparisonCandidates(maps, mapId);
  const self = maps.find((m) => m.id === mapId);
  // Keep the current state on the left: a future-state map is compared as (its source, itself).
  const href = (other: MapListItem) =>
    self?.basedOnMapId === other.id
      ? `~/w/${workspaceId}/compare/${other.id}/${mapId}`
      : `~/w/${workspaceId}/compare/${mapId}/${other.id}`;
  return (
    <Menu label={t("compare.compareWith")} testId="compare-with" buttonClassName="btn btn-small">
      {(close) =>
        candidates.length === 0 ? (
          <p>{t("compare.noOtherMaps")}</p>
        ) : (
          candidates.map((m) => (
            <Link key={m.id} href={href(m)} onClick={close}>
              <bdi>{m.title}</bdi>
              {(m.id === self?.basedOnMapId || m.basedOnMapId === mapId) && (
                <span className="badge badge-accent">{t("compare.related")}</span>
              )}
            </Link>
          ))
        )
      }
    </Menu>
  );
}
