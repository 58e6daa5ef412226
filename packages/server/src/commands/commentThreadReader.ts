import type { CommentAnchor, CommentAnchorKind, CommentThread, MapSnapshot } from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { findThread, listThreads, type StoredThread } from "../store/commentStore.js";

/** True when the anchor's card, step or cell is on the map as it is now (the map itself always is). */
export function anchorOnMap(snapshot: MapSnapshot, anchor: CommentAnchor): boolean {
  switch (anchor.kind) {
    case "map":
      return true;
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
  const snapshot = await services.maps.readSnapshot(mapId);
  return threads.map((thread) => presentThread(thread, snapshot));
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
  return presentThread(thread, await services.maps.readSnapshot(mapId));
}

function presentThread(thread: StoredThread, snapshot: MapSnapshot): CommentThread {
  return { ...thread, onDeletedContent: !anchorOnMap(snapshot, thread.anchor) };
}
