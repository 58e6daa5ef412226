import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { Presence, PresenceUser } from "../../../collab/createPresence.js";
import type { CatalogueChange, CellCatalogue } from "../../cells/CellContentProps.js";
import type { MapEditor } from "../editing/MapEditor.js";
import type { FocusState, GridFocus } from "./createGridFocus.js";
import type { SearchMatches } from "./SearchMatches.js";

/** Everything the grid's parts share: how to edit (or not), focus, presence, search, the catalogue and the zoom. */
export interface GridContextValue {
  /** Null in the read-only views (share, embed, print). */
  editor: MapEditor | null;
  readOnly: boolean;
  focus: GridFocus;
  presence: Presence | null;
  search: SearchMatches;
  catalogue: CellCatalogue;
  /** 1 = 100 %. */
  zoom: number;
  /** Asks the user to confirm something destructive; resolves true when they do. */
  confirm: (message: string) => Promise<boolean>;
  /** Opens the map settings (from the emotion lane when the map has no persona yet). */
  openSettings?: () => void;
  /** The map's workspace (lets cells create touchpoints); absent in the shared views. */
  workspaceId?: string;
  /** Takes in what a cell added to the workspace catalogue (a touchpoint made in the picker). */
  onCatalogueChange?: (change: CatalogueChange) => void;
}

/** The grid's shared state. */
export const GridContext = createContext<GridContextValue | null>(null);

/** The surrounding grid's shared state. */
export function useGrid(): GridContextValue {
  const value = useContext(GridContext);
  if (!value) throw new Error("useGrid must be used inside <GridContext.Provider>");
  return value;
}

/** This element's focus state; re-renders only when it changes. */
export function useFocusState(key: string): FocusState {
  const { focus } = useGrid();
  const subscribe = useCallback((l: () => void) => focus.subscribe(key, l), [focus, key]);
  return useSyncExternalStore(subscribe, () => focus.stateOf(key));
}

const NOBODY: readonly PresenceUser[] = [];

/** The collaborators whose focus is on this element. */
export function usePresenceAt(key: string): readonly PresenceUser[] {
  const { presence } = useGrid();
  const subscribe = useCallback((l: () => void) => presence?.subscribe(key, l) ?? (() => {}), [presence, key]);
  return useSyncExternalStore(subscribe, () => presence?.getAt(key) ?? NOBODY);
}

/** True when the cell holds a card matching the search. */
export function useSearchMatch(cellKey: string): boolean {
  const { search } = useGrid();
  const subscribe = useCallback((l: () => void) => search.subscribe(cellKey, l), [search, cellKey]);
  return useSyncExternalStore(subscribe, () => search.has(cellKey));
}
