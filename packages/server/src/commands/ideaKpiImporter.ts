import { newId } from "@opencjm/core";
import { droppedItem } from "../mapImport/dropReason.js";
import type { DroppedItem } from "../mapImport/ImportDraft.js";
import { remapIdeaKpiRecords, type IdeaKpiRecords } from "../mapExport/ideaKpiRecords.js";
import type { Services } from "../services.js";
import { writeIdeaKpiRecords } from "../store/ideaKpiTransferStore.js";
import { listMembers } from "../store/memberStore.js";

/** Touchpoint ids an imported map's ideas and KPIs name, so the importer brings them along like its cards' ones. */
export function carriedTouchpointIds(records: IdeaKpiRecords | undefined): string[] {
  if (!records) return [];
  return [
    ...records.kpis.flatMap((k) => (k.anchor.kind === "touchpoint" ? [k.anchor.touchpointId as string] : [])),
    ...records.ideas.flatMap((i) => i.touchpointIds),
  ];
}

/**
 * Creates the ideas and KPIs a map file brought, for the map just created from it: under new ids, linked to the new
 * map (and to other maps of this workspace they named, when those are here), their owners and authors matched by
 * e-mail among the members. All of them or none (one transaction); returns what was left out, for the report.
 */
export async function importIdeasAndKpis(
  services: Services,
  input: {
    workspaceId: string;
    userId: string;
    /** The map's id in the file, and its id here. */
    fileMapId: string;
    mapId: string;
    touchpointIds: Map<string, string>;
    records: IdeaKpiRecords;
  },
): Promise<DroppedItem[]> {
  const { workspaceId } = input;
  if (input.records.ideas.length === 0 && input.records.kpis.length === 0) return [];
  const maps = new Set((await services.maps.list(workspaceId)).map((m) => m.id as string));
  const fresh = (prefix: string) => {
    const seen = new Map<string, string>();
    return (id: string) => seen.get(id) ?? (seen.set(id, newId(prefix)), seen.get(id)!);
  };
  const { records, leftOut } = remapIdeaKpiRecords(input.records, {
    map: (id) => (id === input.fileMapId ? input.mapId : maps.has(id) ? id : null),
    touchpoint: (id) => input.touchpointIds.get(id) ?? null,
    idea: fresh("idea_"),
    kpi: fresh("kpi_"),
    kpiValue: fresh("kv_"),
  });
  const members = new Map((await listMembers(services.db, workspaceId)).map((m) => [m.email.toLowerCase(), m.userId]));
  await services.db.kysely
    .transaction()
    .execute((trx) => writeIdeaKpiRecords(trx, { workspaceId, userId: input.userId, members }, records));
  return leftOut.map((link) => droppedItem(link.path, { code: link.code, values: {} }, link.texts));
}
