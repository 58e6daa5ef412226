import { PersonaFieldsSchema, TouchpointFieldsSchema, upgradeSnapshot, type MapSnapshot, type UpgradeReport } from "@opencjm/core";
import { ApiError } from "../http/apiError.js";
import { MapExportEnvelopeSchema } from "../export/mapJsonFormat.js";
import type { Services } from "../services.js";
import { createPersona, findPersonas } from "./personaCreator.js";
import { createTouchpoint } from "./touchpointCreator.js";

/** What an import created and what it had to leave out. */
export interface MapImportResult {
  mapId: string;
  personaIds: string[];
  touchpointIds: string[];
  report: UpgradeReport;
}

/** Formats a zod path the way users read it: `touchpoints[0].medium`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

function fileError(path: string, message: string): ApiError {
  return new ApiError(400, "invalid_file", `${path}: ${message}`, [{ path, message }]);
}

/**
 * Imports our JSON (an export envelope or a bare snapshot, any earlier document version) into a workspace.
 * Everything is validated before anything is written. Personas and touchpoints are reused when the workspace already
 * has them (same id) and created from the file otherwise. References that resolve to nothing are
 * dropped and reported. If a write fails, what was created is removed again.
 */
export async function importMapJson(services: Services, input: { workspaceId: string; userId: string; json: unknown }): Promise<MapImportResult> {
  const { db } = services;
  const isEnvelope = !!input.json && typeof input.json === "object" && "format" in input.json;
  const envelope = isEnvelope ? MapExportEnvelopeSchema.safeParse(input.json) : undefined;
  if (envelope && !envelope.success) {
    const issue = envelope.error.issues[0];
    throw fileError(pathOf(issue?.path ?? []) || "file", issue?.message ?? "invalid");
  }
  const { snapshot, report } = upgradeSnapshot(envelope?.data.snapshot ?? input.json);
  const personas = (envelope?.data.personas ?? []).map((p, i) => {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = p;
    const parsed = PersonaFieldsSchema.safeParse(fields);
    if (!parsed.success) throw fileError(`personas[${i}].${pathOf(parsed.error.issues[0]?.path ?? [])}`, parsed.error.issues[0]?.message ?? "invalid");
    return { oldId: id, fields: parsed.data };
  });
  const touchpoints = (envelope?.data.touchpoints ?? []).map((t, i) => {
    const { id, ...fields } = t;
    const parsed = TouchpointFieldsSchema.safeParse(fields);
    if (!parsed.success) throw fileError(`touchpoints[${i}].${pathOf(parsed.error.issues[0]?.path ?? [])}`, parsed.error.issues[0]?.message ?? "invalid");
    return { oldId: id, fields: parsed.data };
  });

  const createdPersonas: string[] = [];
  const createdTouchpoints: string[] = [];
  try {
    // Personas and touchpoints the workspace already has (same id: the map comes back home) are reused, not duplicated.
    const existingPersonas = new Set<string>((await findPersonas(db, input.workspaceId, personas.map((p) => p.oldId))).map((p) => p.id));
    const personaIds = new Map<string, string>([...existingPersonas].map((id) => [id, id]));
    for (const p of personas) {
      if (personaIds.has(p.oldId)) continue;
      const persona = await createPersona(db, input.workspaceId, p.fields);
      personaIds.set(p.oldId, persona.id);
      createdPersonas.push(persona.id);
    }
    const referenced = new Set(snapshot.cells.flatMap((c) => c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : []))));
    const existing = new Set(
      referenced.size ? (await db.kysely.selectFrom("touchpoints").select("id").where("workspace_id", "=", input.workspaceId).where("id", "in", [...referenced]).execute()).map((r) => r.id) : [],
    );
    const touchpointIds = new Map<string, string>([...existing].map((id) => [id, id]));
    for (const t of touchpoints) {
      if (!referenced.has(t.oldId) || touchpointIds.has(t.oldId)) continue;
      const created = await createTouchpoint(db, input.workspaceId, t.fields).catch((err: unknown) => {
        throw err instanceof ApiError ? fileError(`touchpoints[${touchpoints.indexOf(t)}].channelId`, err.message) : err;
      });
      touchpointIds.set(t.oldId, created.id);
      createdTouchpoints.push(created.id);
    }

    const known = new Set<string>((await findPersonas(db, input.workspaceId, [...new Set([...snapshot.settings.personaIds, ...snapshot.emotions.map((e) => e.personaId)].map((id) => personaIds.get(id) ?? id))])).map((p) => p.id));
    const persona = (id: string) => personaIds.get(id) ?? id;
    const rewritten: MapSnapshot = {
      ...snapshot,
      settings: {
        ...snapshot.settings,
        personaIds: snapshot.settings.personaIds.filter((id, i) => known.has(persona(id)) || !report.dropped.push(`settings.personaIds[${i}] (unknown persona "${id}")`)).map((id) => persona(id) as typeof id),
      },
      emotions: snapshot.emotions
        .filter((e, i) => known.has(persona(e.personaId)) || !report.dropped.push(`emotions[${i}] (unknown persona "${e.personaId}")`))
        .map((e) => ({ ...e, personaId: persona(e.personaId) as typeof e.personaId })),
      cells: snapshot.cells
        .map((cell, i) => ({
          ...cell,
          cards: cell.cards
            .filter((k, j) => k.kind !== "touchpoint" || touchpointIds.has(k.touchpointId) || !report.dropped.push(`cells[${i}].cards[${j}] (unknown touchpoint "${k.touchpointId}")`))
            .map((k) => (k.kind === "touchpoint" ? { ...k, touchpointId: touchpointIds.get(k.touchpointId) as typeof k.touchpointId } : k)),
        }))
        .filter((cell) => cell.cards.length > 0),
    };
    const map = await services.maps.create({ workspaceId: input.workspaceId, createdBy: input.userId, snapshot: rewritten });
    return { mapId: map.id, personaIds: createdPersonas, touchpointIds: createdTouchpoints, report };
  } catch (err) {
    if (createdPersonas.length) await db.kysely.deleteFrom("personas").where("id", "in", createdPersonas).execute();
    if (createdTouchpoints.length) await db.kysely.deleteFrom("touchpoints").where("id", "in", createdTouchpoints).execute();
    throw err;
  }
}
