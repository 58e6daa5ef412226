import type { MapSnapshot } from "@opencjm/core";
import type * as Y from "yjs";

/** Summary row of a map, for lists. */
export interface MapSummary {
  id: string;
  workspaceId: string;
  title: string;
  type: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The one door to map documents: every write goes through here so it is durable before it is acknowledged
 * and reaches live collaborators, whether it comes from the REST API, the CLI or a collaboration client.
 */
export interface MapDocumentService {
  /** Stores a new map from a snapshot (its initial Yjs state is the first durable update). */
  create(input: { workspaceId: string; createdBy: string; snapshot: MapSnapshot }): Promise<MapSummary>;
  /** The map's summary, or undefined when it does not exist in that workspace. */
  find(workspaceId: string, mapId: string): Promise<MapSummary | undefined>;
  /** Maps of a workspace, most recently edited first. */
  list(workspaceId: string): Promise<MapSummary[]>;
  /** The current body as JSON, always including every durable update; frozen and shared, so copy it to change it. */
  readSnapshot(mapId: string): Promise<MapSnapshot>;
  /**
   * The map's whole Yjs state as one update, including every durable update: what a newcomer's editor applies before
   * its collaboration socket has synced. A closed map whose log is folded answers with its stored bytes as they are.
   */
  readState(mapId: string): Promise<Uint8Array>;
  /**
   * Runs `edit` in one Yjs transaction on the live document (so connected editors see it), appends the
   * resulting update durably, and only then resolves. If `edit` throws, nothing changes and the error propagates.
   */
  edit<T>(mapId: string, edit: (doc: Y.Doc) => T, origin: string): Promise<{ result: T; snapshot: MapSnapshot }>;
  /** Deletes the map, its updates and state. */
  remove(mapId: string): Promise<void>;
  /** Folds appended updates into the compacted state; never drops an update it has not folded in. */
  compact(mapId: string): Promise<void>;
}
