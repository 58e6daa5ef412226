import type { Db } from "../db/createDb.js";
import type { PersonaRow } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** One persona's row in a workspace; not found when it is not there (or in another workspace). */
export async function getPersonaRow(db: Db, workspaceId: string, personaId: string): Promise<PersonaRow> {
  const row = await db.kysely
    .selectFrom("personas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", personaId)
    .executeTakeFirst();
  if (!row) throw notFound("persona");
  return row;
}

/** The workspace's persona rows by name. */
export async function listPersonaRows(db: Db, workspaceId: string): Promise<PersonaRow[]> {
  return db.kysely.selectFrom("personas").selectAll().where("workspace_id", "=", workspaceId).orderBy("name").execute();
}

/** Stores a persona's fields (its name kept beside them for sorting); returns the row as stored. */
export async function updatePersonaData(db: Db, row: PersonaRow, fields: { name: string }): Promise<PersonaRow> {
  const updated = { ...row, name: fields.name, data: JSON.stringify(fields), updated_at: new Date().toISOString() };
  await db.kysely
    .updateTable("personas")
    .set({ name: updated.name, data: updated.data, updated_at: updated.updated_at })
    .where("id", "=", row.id)
    .execute();
  return updated;
}

/** Deletes a persona (its photo goes with it). */
export async function deletePersona(db: Db, personaId: string): Promise<void> {
  await db.kysely.deleteFrom("personas").where("id", "=", personaId).execute();
}

/** Stores or replaces a persona's photo. */
export async function savePersonaPhoto(
  db: Db,
  photo: { workspaceId: string; personaId: string; contentType: string; bytes: Uint8Array; updatedAt: string },
): Promise<void> {
  const data = Buffer.from(photo.bytes);
  await db.kysely
    .insertInto("persona_photos")
    .values({
      persona_id: photo.personaId,
      workspace_id: photo.workspaceId,
      content_type: photo.contentType,
      data,
      updated_at: photo.updatedAt,
    })
    .onConflict((oc) =>
      oc.column("persona_id").doUpdateSet({ content_type: photo.contentType, data, updated_at: photo.updatedAt }),
    )
    .execute();
}

/** A persona's photo and its content type, if it has one. */
export async function getPersonaPhoto(
  db: Db,
  workspaceId: string,
  personaId: string,
): Promise<{ contentType: string; data: Uint8Array<ArrayBuffer> } | undefined> {
  const photo = await db.kysely
    .selectFrom("persona_photos")
    .select(["content_type", "data"])
    .where("workspace_id", "=", workspaceId)
    .where("persona_id", "=", personaId)
    .executeTakeFirst();
  return photo && { contentType: photo.content_type, data: new Uint8Array(photo.data) };
}

/** Deletes a persona's photo. */
export async function deletePersonaPhoto(db: Db, personaId: string): Promise<void> {
  await db.kysely.deleteFrom("persona_photos").where("persona_id", "=", personaId).execute();
}
