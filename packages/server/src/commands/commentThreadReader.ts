import type { CommentAnchor, CommentAnchorKind, CommentThread, MapSnapshot } from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { findThread, ideasAmong, listThreads, type StoredThread } from "../store/commentStore.js";

/**
 * True when the anchor's card, step or cell is on the map as it is now (the map itself always is), or its idea is
 * among the workspace's `ideas` (ideas live beside maps, not on them).
 */
export function anchorOnMap(snapshot: MapSnapshot, anchor: CommentAnchor, ideas: ReadonlySet<string>): boolean {
  switch (anchor.kind) {
    case "map":
      return true;
    case "idea":
      return ideas.has(anchor.ideaId);
    case "step":
      return snapshot.steps.some((s) => s.id === anchor.stepId);
    case "cell":
      return snapshot.steps.some((s) => s.id === anchor.stepId) && snapshot.lanes.some((l) => l.id === anchor.laneId);
    case "card":
      // A card that could not be read is still on the map (kept, not dropped), so its threads are not orphaned.
      return (
        snapshot.cells.some((cell) => cell.cards.some((card) => card.id === anchor.cardId)) ||
        (snapshot.unreadableCards ?? []).some((card) => card.id === anchor.cardId)
      );
  }
}

/**
 * Reads of the current map under way, by map: after a change to a thread everyone on the map asks for it at once
 * (a hundred editors, a hundred reads of a large map), and they share one read. A request joining a read gets the map
 * as that read found it a moment earlier; whether a card is still there is all it is used for.
 */
const mapReads = new Map<string, Promise<MapSnapshot>>();

/** The map as it is now, read once for all who ask while a read is under way. */
function currentMap(services: Services, mapId: string): Promise<MapSnapshot> {
  const pending = mapReads.get(mapId);
  if (pending) return pending;
  const read = services.maps.readSnapshot(mapId).finally(() => mapReads.delete(mapId));
  mapReads.set(mapId, read);
  return read;
}

/** Makes sure the map is in the workspace; other workspaces' maps are "not found". */
export async function requireCommentableMap(services: Services, workspaceId: string, mapId: string): Promise<void> {
  if (!(await services.maps.find(workspaceId, mapId))) throw notFound("map");
}

/**
 * The map's threads as the API shows them, each marked `onDeletedContent` when its card, step or cell is not on the
 * map now: checked against the current map on every read, so a version restored with the card brings it back.
 */
export async function listCommentThreads(
  services: Services,
  workspaceId: string,
  mapId: string,
  filter: { status?: "open" | "resolved" | "all"; anchorKind?: CommentAnchorKind } = {},
): Promise<CommentThread[]> {
  await requireCommentableMap(services, workspaceId, mapId);
  const threads = await listThreads(services.db, mapId, filter);
  if (threads.length === 0) return [];
  const snapshot = await currentMap(services, mapId);
  const ideas = await ideasOf(services, workspaceId, threads);
  return threads.map((thread) => presentThread(thread, snapshot, ideas));
}

/** One thread of the map as the API shows it; "not found" when the map has no such thread. */
export async function readCommentThread(
  services: Services,
  workspaceId: string,
  mapId: string,
  threadId: string,
): Promise<CommentThread> {
  await requireCommentableMap(services, workspaceId, mapId);
  const thread = await findThread(services.db, mapId, threadId);
  if (!thread) throw notFound("comment thread");
  return presentThread(thread, await currentMap(services, mapId), await ideasOf(services, workspaceId, [thread]));
}

/** The ideas the threads are about that still exist in the workspace. */
function ideasOf(services: Services, workspaceId: string, threads: readonly StoredThread[]): Promise<Set<string>> {
  const ids = threads.flatMap((t) => (t.anchor.kind === "idea" ? [t.anchor.ideaId] : []));
  return ideasAmong(services.db, workspaceId, ids);
}

function presentThread(thread: StoredThread, snapshot: MapSnapshot, ideas: ReadonlySet<string>): CommentThread {
  return { ...thread, onDeletedContent: !anchorOnMap(snapshot, thread.anchor, ideas) };
}
