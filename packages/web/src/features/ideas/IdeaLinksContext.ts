import type { Idea, IdeaAnchorInput } from "@opencjm/core";
import { createContext, useContext } from "react";

/**
 * What the map's cards, cells and step headers need of its ideas: the ideas anchored to each, a way to open one, and
 * a way to start one from a card or cell.
 */
export interface IdeaLinks {
  workspaceId: string;
  mapId: string;
  canWrite: boolean;
  /** Ideas anchored to each card of the map, by card id. */
  ideasByCard: ReadonlyMap<string, readonly Idea[]>;
  /** Ideas anchored to a cell or a whole step of the map, by `anchorPlaceKey`. */
  ideasByPlace: ReadonlyMap<string, readonly Idea[]>;
  /** Opens an idea in its editor over the map. */
  open: (idea: Idea) => void;
  /** Opens the idea editor for a new idea anchored to a card or cell of this map. */
  create: (anchor: Omit<IdeaAnchorInput, "mapId">) => void;
}

/** The ideas of the map open in the live editor; absent elsewhere (shared, embedded, printed maps, tests). */
export const IdeaLinksContext = createContext<IdeaLinks | null>(null);

/** The map's idea links, or null outside the live editor. */
export function useIdeaLinks(): IdeaLinks | null {
  return useContext(IdeaLinksContext);
}

/** The key of a cell (a step and a lane) or of a whole step (no lane) in `ideasByPlace`. */
export function anchorPlaceKey(stepId: string, laneId?: string | null): string {
  return laneId ? `cell:${stepId}:${laneId}` : `step:${stepId}`;
}

/** The backlog's address filtered to one map. */
export function backlogHref(workspaceId: string, mapId: string): string {
  return `~/w/${encodeURIComponent(workspaceId)}/ideas?mapId=${encodeURIComponent(mapId)}`;
}
