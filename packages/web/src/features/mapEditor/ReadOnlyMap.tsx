import type { MapSnapshot } from "@opencjm/core";
import { useEffect, useMemo } from "react";
import type { CellCatalogue } from "../cells/CellContentProps.js";
import { GridFocus } from "./grid/createGridFocus.js";
import { GridContext, type GridContextValue } from "./grid/GridContext.js";
import { MapGrid } from "./grid/MapGrid.js";
import { SearchMatches } from "./grid/SearchMatches.js";
import { createSnapshotMapView } from "./store/createSnapshotMapView.js";
import { MapViewContext } from "./store/useMapView.js";

const refuse = async () => false;

/**
 * A map drawn from a snapshot, read-only, with no live document: the same grid and emotion curves as the editor
 * (share, embed and print pages, and anyone else who needs to show a map). Every column is rendered — a shared map is
 * read top to bottom and searched with the browser's own find — where the editor renders only the columns in view.
 */
export function ReadOnlyMap({
  snapshot,
  catalogue,
  label,
  zoom = 1,
  variant = "screen",
  highlighted,
}: {
  snapshot: MapSnapshot;
  catalogue: CellCatalogue;
  label: string;
  zoom?: number;
  variant?: "screen" | "print";
  /** Cells to mark (as search matches are), e.g. those that changed between two versions. */
  highlighted?: ReadonlySet<string>;
}) {
  const view = useMemo(() => createSnapshotMapView(snapshot), [snapshot]);
  const focus = useMemo(() => new GridFocus(), []);
  const search = useMemo(() => new SearchMatches(), []);
  useEffect(() => search.mark(highlighted ?? []), [search, highlighted]);
  const grid = useMemo<GridContextValue>(
    () => ({ editor: null, readOnly: true, focus, presence: null, search, catalogue, zoom, confirm: refuse }),
    [focus, search, catalogue, zoom],
  );
  return (
    <MapViewContext.Provider value={view}>
      <GridContext.Provider value={grid}>
        <MapGrid label={label} variant={variant} windowed={false} />
      </GridContext.Provider>
    </MapViewContext.Provider>
  );
}
