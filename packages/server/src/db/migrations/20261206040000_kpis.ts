import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * KPIs (PRODUCT.md §4.7): their definitions (anchor and source as JSON, so a KPI on a step keeps its ids when the step
 * is deleted and says so when read), values entered by hand, and the measured effect recorded when an idea is marked
 * measured.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("kpis")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("map_id", "text", (c) => c.references("maps.id").onDelete("cascade"))
    .addColumn("anchor", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("target", "double precision")
    .addColumn("owner_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kpis_workspace_map").on("kpis").columns(["workspace_id", "map_id"]).execute();

  await db.schema
    .createTable("kpi_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kpi_id", "text", (c) => c.notNull().references("kpis.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("kpi_values_kpi").on("kpi_values").columns(["kpi_id", "date"]).execute();

  await db.schema
    .createTable("kpi_effects")
    .addColumn("idea_id", "text", (c) => c.primaryKey().references("ideas.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
}
