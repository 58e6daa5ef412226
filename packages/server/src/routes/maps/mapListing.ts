import { z } from "@hono/zod-openapi";
import type { Db } from "../../db/createDb.js";

/** One row of the home screen's map list: the summary plus what the list shows and filters on. */
export const MapListItemSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    title: z.string(),
    type: z.string(),
    status: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    goal: z.string(),
    personaIds: z.array(z.string()),
    tags: z.array(z.string()),
    stageCount: z.number().int(),
    stepCount: z.number().int(),
    basedOnMapId: z.string().optional(),
  })
  .openapi("MapListItem");
export type MapListItem = z.infer<typeof MapListItemSchema>;

/** Only the parts of the stored snapshot the list needs; the rest of a possibly large body is not validated. */
const ListedSnapshotSchema = z.object({
  settings: z.object({ goal: z.string().optional(), personaIds: z.array(z.string()).optional(), tags: z.array(z.string()).optional(), basedOnMapId: z.string().optional() }),
  stages: z.array(z.unknown()),
  steps: z.array(z.unknown()),
});

/** Maps of a workspace, most recently edited first, with goal, personas, tags and size read from the stored snapshot. */
export async function listMaps(db: Db, workspaceId: string): Promise<MapListItem[]> {
  const rows = await db.kysely
    .selectFrom("maps")
    .select(["id", "workspace_id", "title", "type", "status", "snapshot", "created_by", "created_at", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    // The snapshot column is written by the store from a validated document; a row that does not parse still lists.
    const parsed = ListedSnapshotSchema.safeParse(JSON.parse(row.snapshot));
    const snapshot = parsed.success ? parsed.data : { settings: {}, stages: [], steps: [] };
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      title: row.title,
      type: row.type,
      status: row.status,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      goal: snapshot.settings.goal ?? "",
      personaIds: snapshot.settings.personaIds ?? [],
      tags: snapshot.settings.tags ?? [],
      stageCount: snapshot.stages.length,
      stepCount: snapshot.steps.length,
      ...(snapshot.settings.basedOnMapId ? { basedOnMapId: snapshot.settings.basedOnMapId } : {}),
    };
  });
}
