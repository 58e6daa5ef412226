import { z } from "@hono/zod-openapi";
import { sql } from "kysely";
import type { MapListItem } from "@opencjm/core";
import type { Db } from "../db/createDb.js";

/** One row of the home screen's map list (the contract's `MapListItem`). */
export type { MapListItem };

/** The list's fields inside the stored snapshot, as the database returns them (JSON text for the arrays). */
const ListedFieldsSchema = z.object({
  goal: z.string().nullable(),
  persona_ids: z.string().nullable(),
  tags: z.string().nullable(),
  based_on: z.string().nullable(),
  stage_count: z.coerce.number().nullable(),
  step_count: z.coerce.number().nullable(),
});

const stringArray = (json: string | null): string[] => {
  const parsed = z.array(z.string()).safeParse(json ? JSON.parse(json) : []);
  return parsed.success ? parsed.data : [];
};

type ListedRow = {
  id: string;
  workspace_id: string;
  title: string;
  type: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
};

/**
 * The database reads the few fields the list shows out of each stored snapshot (SQLite's JSON functions,
 * PostgreSQL's jsonb operators on one parse per row), so listing a workspace of large maps does not parse every map
 * body in JavaScript.
 */
async function selectListedRows(db: Db, workspaceId: string): Promise<Array<ListedRow & Record<string, unknown>>> {
  if (db.dialect === "postgres") {
    const result = await sql<ListedRow & Record<string, unknown>>`
      select id, workspace_id, title, type, status, created_by, created_at, updated_at,
        d->'settings'->>'goal' as goal, (d->'settings'->'personaIds')::text as persona_ids, (d->'settings'->'tags')::text as tags,
        d->'settings'->>'basedOnMapId' as based_on, jsonb_array_length(d->'stages') as stage_count, jsonb_array_length(d->'steps') as step_count
      from (select *, snapshot::jsonb as d from maps where workspace_id = ${workspaceId}) as m
      order by updated_at desc, id`.execute(db.kysely);
    return result.rows;
  }
  return db.kysely
    .selectFrom("maps")
    .select([
      "id",
      "workspace_id",
      "title",
      "type",
      "status",
      "created_by",
      "created_at",
      "updated_at",
      sql<string | null>`json_extract(snapshot, '$.settings.goal')`.as("goal"),
      sql<string | null>`json_extract(snapshot, '$.settings.personaIds')`.as("persona_ids"),
      sql<string | null>`json_extract(snapshot, '$.settings.tags')`.as("tags"),
      sql<string | null>`json_extract(snapshot, '$.settings.basedOnMapId')`.as("based_on"),
      sql<number | null>`json_array_length(snapshot, '$.stages')`.as("stage_count"),
      sql<number | null>`json_array_length(snapshot, '$.steps')`.as("step_count"),
    ])
    .where("workspace_id", "=", workspaceId)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
}

/** Maps of a workspace, most recently edited first, with goal, personas, tags and size read from the stored snapshot. */
export async function listMaps(db: Db, workspaceId: string): Promise<MapListItem[]> {
  const rows = await selectListedRows(db, workspaceId);
  return rows.map((row) => {
    // The snapshot column is written by the store from a validated document; a row whose fields do not read still lists.
    const parsed = ListedFieldsSchema.safeParse(row);
    const fields = parsed.success
      ? parsed.data
      : { goal: null, persona_ids: null, tags: null, based_on: null, stage_count: null, step_count: null };
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      title: row.title,
      // The store writes these columns from a validated snapshot, so they hold the schema's values.
      type: row.type as MapListItem["type"],
      status: row.status as MapListItem["status"],
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      goal: fields.goal ?? "",
      personaIds: stringArray(fields.persona_ids),
      tags: stringArray(fields.tags),
      stageCount: fields.stage_count ?? 0,
      stepCount: fields.step_count ?? 0,
      ...(fields.based_on ? { basedOnMapId: fields.based_on } : {}),
    };
  });
}

/** A map's row by id alone, whatever its workspace (the CLI's `<mapId>`, which no sign-in vouches for). */
export async function findMapRow(
  db: Db,
  mapId: string,
): Promise<{ id: string; workspace_id: string; title: string; type: string; status: string } | undefined> {
  return db.kysely
    .selectFrom("maps")
    .select(["id", "workspace_id", "title", "type", "status"])
    .where("id", "=", mapId)
    .executeTakeFirst();
}
