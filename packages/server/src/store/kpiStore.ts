import {
  IdeaEffectSchema,
  KpiAnchorSchema,
  KpiSourceSchema,
  newId,
  type IdeaEffect,
  type Kpi,
  type KpiAnchor,
  type KpiSource,
  type KpiValue,
} from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { Selectable } from "kysely";
import type { KpisTable } from "../db/schema.js";
import { fieldError, notFound } from "../errors/DomainError.js";

/** The fields of a KPI a caller sets. */
export interface KpiFields {
  anchor: KpiAnchor;
  source: KpiSource;
  name: string;
  unit: string;
  direction: "higher" | "lower";
  target: number | null;
  ownerId: string | null;
}

function kpiOf(row: Selectable<KpisTable>): Kpi {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    anchor: KpiAnchorSchema.parse(JSON.parse(row.anchor)),
    source: KpiSourceSchema.parse(JSON.parse(row.source)),
    name: row.name,
    unit: row.unit,
    direction: row.direction === "lower" ? "lower" : "higher",
    target: row.target === null ? null : Number(row.target),
    ownerId: row.owner_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const mapIdOf = (anchor: KpiAnchor) => (anchor.kind === "workspace" ? null : anchor.mapId);

/** The workspace's KPIs, oldest first; with `mapId`, only those on that map ("workspace" for those on no map). */
export async function listKpis(db: Db, workspaceId: string, mapId?: string): Promise<Kpi[]> {
  let query = db.kysely.selectFrom("kpis").selectAll().where("workspace_id", "=", workspaceId);
  if (mapId === "workspace") query = query.where("map_id", "is", null);
  else if (mapId !== undefined) query = query.where("map_id", "=", mapId);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map(kpiOf);
}

/** One KPI of the workspace, or 404 (also for another workspace's KPI). */
export async function findKpi(db: Db, workspaceId: string, kpiId: string): Promise<Kpi> {
  const row = await db.kysely
    .selectFrom("kpis")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", kpiId)
    .executeTakeFirst();
  if (!row) throw notFound("KPI");
  return kpiOf(row);
}

/** Refuses an owner who is not a member of the workspace. */
export async function requireKpiOwner(db: Db, workspaceId: string, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const row = await db.kysely
    .selectFrom("members")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", ownerId)
    .executeTakeFirst();
  if (!row) throw fieldError("ownerId", `"${ownerId}" is not a member of this workspace`, { detail: "not a member" });
}

/** Stores a new KPI. */
export async function insertKpi(db: Db, workspaceId: string, createdBy: string, fields: KpiFields): Promise<Kpi> {
  const now = new Date().toISOString();
  const id = newId("kpi_");
  await db.kysely
    .insertInto("kpis")
    .values({
      id,
      workspace_id: workspaceId,
      map_id: mapIdOf(fields.anchor),
      anchor: JSON.stringify(fields.anchor),
      source: JSON.stringify(fields.source),
      name: fields.name,
      unit: fields.unit,
      direction: fields.direction,
      target: fields.target,
      owner_id: fields.ownerId,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return findKpi(db, workspaceId, id);
}

/** Replaces a KPI's fields (its anchor stays). */
export async function updateKpi(db: Db, kpi: Kpi, fields: Omit<KpiFields, "anchor">): Promise<Kpi> {
  await db.kysely
    .updateTable("kpis")
    .set({
      source: JSON.stringify(fields.source),
      name: fields.name,
      unit: fields.unit,
      direction: fields.direction,
      target: fields.target,
      owner_id: fields.ownerId,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", kpi.id)
    .execute();
  return findKpi(db, kpi.workspaceId, kpi.id);
}

/** Deletes a KPI with its values. */
export async function deleteKpi(db: Db, kpi: Kpi): Promise<void> {
  await db.kysely.deleteFrom("kpis").where("id", "=", kpi.id).execute();
}

/** A KPI's values entered by hand, oldest date first. */
export async function listKpiValues(db: Db, kpiId: string): Promise<KpiValue[]> {
  const rows = await db.kysely
    .selectFrom("kpi_values")
    .select(["id", "date", "value", "note"])
    .where("kpi_id", "=", kpiId)
    .orderBy("date")
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Adds a value entered by hand. */
export async function insertKpiValue(
  db: Db,
  kpiId: string,
  createdBy: string,
  value: { date: string; value: number; note: string },
): Promise<KpiValue> {
  const id = newId("kv_");
  await db.kysely
    .insertInto("kpi_values")
    .values({ id, kpi_id: kpiId, ...value, created_by: createdBy, created_at: new Date().toISOString() })
    .execute();
  return { id, ...value };
}

/** Deletes a value entered by hand, or 404. */
export async function deleteKpiValue(db: Db, kpiId: string, valueId: string): Promise<void> {
  const result = await db.kysely
    .deleteFrom("kpi_values")
    .where("kpi_id", "=", kpiId)
    .where("id", "=", valueId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound("KPI value");
}

/** Keeps an idea's measured effect (replacing an earlier one). */
export async function saveIdeaEffect(db: Db, workspaceId: string, effect: IdeaEffect): Promise<void> {
  const row = { workspace_id: workspaceId, result: JSON.stringify(effect), recorded_at: effect.recordedAt! };
  await db.kysely
    .insertInto("kpi_effects")
    .values({ idea_id: effect.ideaId, ...row })
    .onConflict((oc) => oc.column("idea_id").doUpdateSet(row))
    .execute();
}

/** The effect recorded when the idea was marked measured, if any. */
export async function findIdeaEffect(db: Db, workspaceId: string, ideaId: string): Promise<IdeaEffect | undefined> {
  const row = await db.kysely
    .selectFrom("kpi_effects")
    .select("result")
    .where("workspace_id", "=", workspaceId)
    .where("idea_id", "=", ideaId)
    .executeTakeFirst();
  return row ? IdeaEffectSchema.parse(JSON.parse(row.result)) : undefined;
}
