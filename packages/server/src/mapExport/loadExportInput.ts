import { withShownEvidenceLevels, type Channel, type Locale, type MapSnapshot } from "@opencjm/core";
import { listIdeas } from "../commands/ideaLister.js";
import { findPersonas } from "../commands/personaCreator.js";
import { touchpointOf } from "../commands/touchpointCreator.js";
import type { Services } from "../services.js";
import { countMapAnchors } from "../store/mapResearchStore.js";
import type { ExportInput } from "./ExportInput.js";

/** Ids of the touchpoints and channels a map's cards refer to. */
export function referencedIds(snapshot: MapSnapshot): { touchpointIds: string[]; channelIds: string[] } {
  const cards = snapshot.cells.flatMap((c) => c.cards);
  return {
    touchpointIds: [...new Set(cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : [])))],
    channelIds: [...new Set(cards.flatMap((k) => (k.kind === "channel" ? [k.channelId as string] : [])))],
  };
}

/**
 * Loads what exporting (or showing through a share link) one map needs, and nothing more of its workspace: the map,
 * the personas it refers to, the touchpoints its cards use, and the channels of those.
 */
export async function loadExportInput(
  services: Services,
  map: { id: string; workspaceId: string; title: string },
  locale?: Locale,
  /** A version of the map to export instead of the map as it is now. */
  versionSnapshot?: MapSnapshot,
): Promise<ExportInput> {
  const { db } = services;
  // Cards at the evidence level the editor shows: those research highlights are linked to rest on research.
  const researchCards = (await countMapAnchors(db, map.workspaceId, map.id)).filter(
    (a) => a.kind !== "step" && a.kind !== "stage",
  );
  const snapshot = withShownEvidenceLevels(
    versionSnapshot ?? (await services.maps.readSnapshot(map.id)),
    new Set(researchCards.map((a) => a.id)),
  );
  const personaIds = [...new Set([...snapshot.settings.personaIds, ...snapshot.emotions.map((e) => e.personaId)])];
  const byId = new Map((await findPersonas(db, map.workspaceId, personaIds)).map((p) => [p.id as string, p]));
  const personas = personaIds.flatMap((id) => byId.get(id) ?? []);
  const refs = referencedIds(snapshot);
  const touchpoints = refs.touchpointIds.length
    ? (
        await db.kysely
          .selectFrom("touchpoints")
          .selectAll()
          .where("workspace_id", "=", map.workspaceId)
          .where("id", "in", refs.touchpointIds)
          .execute()
      ).map(touchpointOf)
    : [];
  const channelIds = [...new Set([...refs.channelIds, ...touchpoints.map((t) => t.channelId as string)])];
  const channels: Channel[] = channelIds.length
    ? (
        await db.kysely
          .selectFrom("channels")
          .selectAll()
          .where("workspace_id", "=", map.workspaceId)
          .where("id", "in", channelIds)
          .execute()
      ).map((r) => ({
        id: r.id as Channel["id"],
        key: r.key,
        name: r.name,
        online: r.online === 1,
        icon: r.icon,
        builtIn: r.built_in === 1,
      }))
    : [];
  return {
    map: { id: map.id, title: map.title },
    snapshot,
    personas,
    touchpoints,
    channels,
    ideas: await listIdeas(services, map.workspaceId, { mapId: map.id, sort: "ice" }),
    locale: locale ?? snapshot.settings.locale,
    exportedAt: new Date(),
  };
}
