import { newId, PersonaFieldsSchema, PersonaSchema, type Persona, type PersonaFieldsInput } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { PersonaRow } from "../db/schema.js";

/** A stored persona row as the domain type. */
export function personaOf(row: PersonaRow): Persona {
  return PersonaSchema.parse({
    ...JSON.parse(row.data),
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Creates a persona in a workspace from validated fields. */
export async function createPersona(db: Db, workspaceId: string, input: PersonaFieldsInput): Promise<Persona> {
  const fields = PersonaFieldsSchema.parse(input);
  const now = new Date().toISOString();
  const row: PersonaRow = {
    id: newId("per_"),
    workspace_id: workspaceId,
    name: fields.name,
    data: JSON.stringify(fields),
    created_at: now,
    updated_at: now,
  };
  await db.kysely.insertInto("personas").values(row).execute();
  return personaOf(row);
}

/** Personas of a workspace with the given ids (ids of other workspaces are simply not found). */
export async function findPersonas(db: Db, workspaceId: string, ids: readonly string[]): Promise<Persona[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .selectFrom("personas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", [...ids])
    .execute();
  return rows.map(personaOf);
}
