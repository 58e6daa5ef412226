import {
  compareVersions,
  upgradeSnapshot,
  type MapHistory,
  type MapSnapshot,
  type MapVersion,
  type MapVersionDiff,
} from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import {
  findMapVersion,
  findMapVersionsByIds,
  listMapVersions,
  userNamesById,
  type StoredVersion,
} from "../store/mapVersionStore.js";
import { groupVersionsIntoSessions } from "./historySessions.js";

/** Versions as the API shows them: with the names of their authors and of the version a restore brought back. */
export async function presentVersions(db: Db, mapId: string, stored: StoredVersion[]): Promise<MapVersion[]> {
  const restoredIds = [...new Set(stored.flatMap((v) => (v.restoredFrom ? [v.restoredFrom] : [])))];
  const restored = new Map((await findMapVersionsByIds(db, mapId, restoredIds)).map((v) => [v.id, v]));
  const userIds = new Set<string>();
  for (const v of stored) {
    if (v.createdBy) userIds.add(v.createdBy);
    for (const a of v.authors) userIds.add(a.userId);
  }
  const names = await userNamesById(db, [...userIds]);
  const nameOf = (id: string) => names.get(id) ?? "";
  return stored.map((v) => {
    const source = v.restoredFrom ? restored.get(v.restoredFrom) : undefined;
    return {
      id: v.id,
      mapId: v.mapId,
      kind: v.kind,
      name: v.name,
      createdAt: v.createdAt,
      createdBy: v.createdBy ? { userId: v.createdBy, name: nameOf(v.createdBy) } : null,
      authors: v.authors.map((a) => ({ ...a, name: nameOf(a.userId) })),
      restoredFrom: source
        ? { id: source.id, kind: source.kind, name: source.name, createdAt: source.createdAt }
        : null,
    };
  });
}

/** A map's history, newest first, grouped by editing session. */
export async function readMapHistory(db: Db, mapId: string, limit: number): Promise<MapHistory> {
  const { versions, hasMore } = await listMapVersions(db, mapId, limit);
  return { sessions: groupVersionsIntoSessions(await presentVersions(db, mapId, versions)), hasMore };
}

/** One version of a map with its body (upgraded if it was stored by an older document version); 404 otherwise. */
export async function readMapVersion(
  db: Db,
  mapId: string,
  versionId: string,
): Promise<{ version: MapVersion; snapshot: MapSnapshot }> {
  const stored = await findMapVersion(db, mapId, versionId);
  if (!stored) throw notFound("version");
  const [version] = await presentVersions(db, mapId, [stored]);
  return { version: version!, snapshot: upgradeSnapshot(JSON.parse(stored.snapshotJson)).snapshot };
}

/** What changed from one version to another version of the same map, or to the map as it is now ("current"). */
export async function diffMapVersions(
  services: Services,
  mapId: string,
  versionId: string,
  otherId: string,
): Promise<MapVersionDiff> {
  const from = await readMapVersion(services.db, mapId, versionId);
  const to = otherId === "current" ? undefined : await readMapVersion(services.db, mapId, otherId);
  const toSnapshot = to?.snapshot ?? (await services.maps.readSnapshot(mapId));
  // The older side is on the left, whichever order they were asked in.
  const swap = to !== undefined && to.version.createdAt < from.version.createdAt;
  const comparison = swap ? compareVersions(toSnapshot, from.snapshot) : compareVersions(from.snapshot, toSnapshot);
  return {
    from: from.version,
    to: to?.version ?? null,
    summary: {
      added: comparison.summary.added,
      removed: comparison.summary.removed,
      changed: comparison.summary.changed,
      unchanged: comparison.summary.unchanged,
    },
    steps: comparison.steps
      .filter((s) => s.status !== "unchanged")
      .map((s) => ({
        status: s.status,
        stepId: (s.right ?? s.left)!.id,
        name: (s.right ?? s.left)!.name,
        stageName: (s.rightStage ?? s.leftStage)?.name ?? "",
        changes: s.changes,
        cardChanges: s.cardChanges.map((c) => ({
          laneName: c.laneName,
          laneType: c.laneType,
          added: c.added,
          removed: c.removed,
        })),
      })),
  };
}
