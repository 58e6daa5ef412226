import { PersonaFieldsSchema, type Persona } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import type { PersonaRow } from "../db/schema.js";
import { invalidInput } from "../errors/DomainError.js";
import { deletePersonaPhoto, savePersonaPhoto, updatePersonaData } from "../store/personaStore.js";
import { personaOf } from "./personaCreator.js";

/** Changes some fields of a persona; a field given as null is removed (how an optional field is cleared). */
export async function updatePersona(db: Db, row: PersonaRow, patch: Record<string, unknown>): Promise<Persona> {
  const current = { ...JSON.parse(row.data), ...patch } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value === null) delete current[key];
  const merged = PersonaFieldsSchema.safeParse(current);
  if (!merged.success) throw invalidInput(merged.error);
  return personaOf(await updatePersonaData(db, row, merged.data));
}

async function setPhotoUrl(db: Db, row: PersonaRow, photoUrl: string | undefined): Promise<Persona> {
  const fields = PersonaFieldsSchema.parse({ ...JSON.parse(row.data), photoUrl });
  return personaOf(await updatePersonaData(db, row, fields));
}

/** Stores a checked image as the persona's photo and points its photoUrl at it. */
export async function setPersonaPhoto(
  db: Db,
  row: PersonaRow,
  photo: { contentType: string; bytes: Uint8Array },
): Promise<Persona> {
  const now = new Date().toISOString();
  await savePersonaPhoto(db, {
    workspaceId: row.workspace_id,
    personaId: row.id,
    contentType: photo.contentType,
    bytes: photo.bytes,
    updatedAt: now,
  });
  // The version in the query makes browsers fetch the new photo instead of a cached old one.
  return setPhotoUrl(db, row, `/api/workspaces/${row.workspace_id}/personas/${row.id}/photo?v=${Date.parse(now)}`);
}

/** Removes the persona's photo, so the generated avatar shows again. */
export async function removePersonaPhoto(db: Db, row: PersonaRow): Promise<Persona> {
  await deletePersonaPhoto(db, row.id);
  return setPhotoUrl(db, row, undefined);
}
