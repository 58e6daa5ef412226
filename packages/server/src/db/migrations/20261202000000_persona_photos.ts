import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/** Persona photos, kept out of the persona JSON so persona lists stay small; deleted with their persona. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("persona_photos")
    .addColumn("persona_id", "text", (c) => c.primaryKey().references("personas.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
