import { PersonaFieldsSchema, upgradeSnapshot, type MapSnapshot, type UpgradeReport } from "@opencjm/core";
import { ApiError } from "../http/apiError.js";
import { MapExportEnvelopeSchema } from "../export/mapJsonFormat.js";
import type { Services } from "../services.js";
import { createPersona } from "./personaCreator.js";

/** What an import created and what it had to leave out. */
export interface MapImportResult {
  mapId: string;
  personaIds: string[];
  report: UpgradeReport;
}

/**
 * Imports our JSON (an export envelope or a bare snapshot, any earlier document version) into a workspace.
 * Everything is validated before anything is written; personas in the file are created anew and the map's
 * references to them are rewritten. If a write fails, what was created is removed again.
 */
export async function importMapJson(services: Services, input: { workspaceId: string; userId: string; json: unknown }): Promise<MapImportResult> {
  const isEnvelope = !!input.json && typeof input.json === "object" && "format" in input.json;
  const envelope = isEnvelope ? MapExportEnvelopeSchema.safeParse(input.json) : undefined;
  if (envelope && !envelope.success) {
    const issue = envelope.error.issues[0];
    throw new ApiError(400, "invalid_file", `${issue?.path.join(".") || "file"}: ${issue?.message}`);
  }
  const { snapshot, report } = upgradeSnapshot(envelope?.data.snapshot ?? input.json);
  const personas = (envelope?.data.personas ?? []).map((p, i) => {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = p;
    const parsed = PersonaFieldsSchema.safeParse(fields);
    if (!parsed.success) throw new ApiError(400, "invalid_file", `personas[${i}].${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
    return { oldId: id, fields: parsed.data };
  });
  const created: string[] = [];
  try {
    const idMap = new Map<string, string>();
    for (const p of personas) {
      const persona = await createPersona(services.db, input.workspaceId, p.fields);
      idMap.set(p.oldId, persona.id);
      created.push(persona.id);
    }
    const remap = (id: string) => idMap.get(id) ?? id;
    const rewritten: MapSnapshot = {
      ...snapshot,
      settings: { ...snapshot.settings, personaIds: snapshot.settings.personaIds.map(remap) as MapSnapshot["settings"]["personaIds"] },
      emotions: snapshot.emotions.map((e) => ({ ...e, personaId: remap(e.personaId) as typeof e.personaId })),
    };
    const map = await services.maps.create({ workspaceId: input.workspaceId, createdBy: input.userId, snapshot: rewritten });
    return { mapId: map.id, personaIds: created, report };
  } catch (err) {
    if (created.length) await services.db.kysely.deleteFrom("personas").where("id", "in", created).execute();
    throw err;
  }
}
