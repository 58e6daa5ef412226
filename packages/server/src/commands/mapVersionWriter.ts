import type { MapRestored, MapVersion } from "@opencjm/core";
import { conflict } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { presentVersions } from "./mapHistoryReader.js";

/** Names the map as it is now ("Before the workshop"): a version anyone with write access can go back to. */
export async function nameMapVersion(
  services: Services,
  input: { mapId: string; name: string; userId: string },
): Promise<MapVersion> {
  const stored = await services.maps.history.checkpoint(input.mapId, { name: input.name, createdBy: input.userId });
  if (!stored) throw conflict("map_gone", "the map was deleted meanwhile");
  const [version] = await presentVersions(services.db, input.mapId, [stored]);
  return version!;
}

/**
 * Restores a version as a new change everyone on the map sees at once, recorded as a "restored" version and in the
 * workspace's activity log. A map that already matches the version is left as it is (no new version).
 */
export async function restoreMapVersion(
  services: Services,
  input: { workspaceId: string; mapId: string; versionId: string; userId: string },
): Promise<MapRestored> {
  const { version, snapshot } = await services.maps.history.restore(input.mapId, input.versionId, input.userId);
  if (!version) return { version: null, snapshot };
  const [presented] = await presentVersions(services.db, input.mapId, [version]);
  const source = presented!.restoredFrom;
  await services.activity.record({
    workspaceId: input.workspaceId,
    mapId: input.mapId,
    actorId: input.userId,
    action: "map.restored",
    data: {
      title: snapshot.settings.title,
      versionId: input.versionId,
      versionName: source?.name ?? null,
      versionCreatedAt: source?.createdAt ?? null,
    },
  });
  return { version: presented!, snapshot };
}
