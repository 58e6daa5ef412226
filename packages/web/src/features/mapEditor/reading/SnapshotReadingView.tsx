import type { MapSnapshot } from "@opencjm/core";
import { useMemo } from "react";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { createSnapshotMapView } from "../store/createSnapshotMapView.js";
import { MapViewContext } from "../store/useMapView.js";
import { ReadingView } from "./ReadingView.js";

/** The reading of a map snapshot on a phone or tablet (share and embed pages), without a live document. */
export function SnapshotReadingView({ snapshot, catalogue }: { snapshot: MapSnapshot; catalogue: CellCatalogue }) {
  const view = useMemo(() => createSnapshotMapView(snapshot), [snapshot]);
  return (
    <MapViewContext.Provider value={view}>
      <ReadingView catalogue={catalogue} />
    </MapViewContext.Provider>
  );
}
