import type { Card, MapSettings } from "@opencjm/core";
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import { TOPIC, type EmotionIndex, type MapStructure, type MapView } from "./MapView.js";

/** The map the grid shows: live (editor) or fixed (shared views). */
export const MapViewContext = createContext<MapView | null>(null);

/** The map view of the surrounding grid. */
export function useMapView(): MapView {
  const view = useContext(MapViewContext);
  if (!view) throw new Error("useMapView must be used inside <MapViewContext.Provider>");
  return view;
}

function useTopic<T>(topic: string, read: (view: MapView) => T): T {
  const view = useMapView();
  const subscribe = useCallback((listener: () => void) => view.subscribe(topic, listener), [view, topic]);
  return useSyncExternalStore(subscribe, () => read(view));
}

/** Stages, steps, lanes and slots; re-renders only when one of them changes. */
export function useStructure(): MapStructure {
  return useTopic(TOPIC.structure, (v) => v.getStructure());
}

/** The map settings. */
export function useSettings(): MapSettings {
  return useTopic(TOPIC.settings, (v) => v.getSettings());
}

/** Emotion points of every persona. */
export function useEmotions(): EmotionIndex {
  return useTopic(TOPIC.emotions, (v) => v.getEmotions());
}

/** The cards of one cell; re-renders only when this cell changes. */
export function useCellCards(laneId: string, stepId: string): readonly Card[] {
  const view = useMapView();
  const subscribe = useCallback(
    (listener: () => void) => view.subscribe(TOPIC.cell(laneId, stepId), listener),
    [view, laneId, stepId],
  );
  return useSyncExternalStore(subscribe, () => view.getCell(laneId, stepId));
}
