import type { MapListItem } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { buttonClassName } from "../../app/Button.js";
import { Menu, MenuLink, MenuNote } from "../../app/Menu.js";
import { useT } from "../../i18n/I18nProvider.js";

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
  // Without a list from the caller, the menu reads the workspace's (shared with every other screen that shows it).
  const loaded = useQuery({ ...mapListQuery(workspaceId), enabled: !given });
  const maps = given ?? loaded.data ?? [];
  const candidates = comparisonCandidates(maps, mapId);
  const self = maps.find((m) => m.id === mapId);
  // Keep the current state on the left: a future-state map is compared as (its source, itself).
  const href = (other: MapListItem) =>
    self?.basedOnMapId === other.id
      ? `~/w/${workspaceId}/compare/${other.id}/${mapId}`
      : `~/w/${workspaceId}/compare/${mapId}/${other.id}`;
  return (
    <Menu
      label={t("compare.compareWith")}
      testId="compare-with"
      buttonClassName={buttonClassName("secondary", "small")}
    >
      {candidates.length === 0 ? (
        <MenuNote>{t("compare.noOtherMaps")}</MenuNote>
      ) : (
        candidates.map((m) => (
          <MenuLink key={m.id} href={href(m)}>
            <bdi>{m.title}</bdi>
            {(m.id === self?.basedOnMapId || m.basedOnMapId === mapId) && (
              <span className="badge badge-accent">{t("compare.related")}</span>
            )}
          </MenuLink>
        ))
      )}
    </Menu>
  );
}
