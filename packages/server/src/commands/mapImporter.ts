import type { MapSnapshot } from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";
import { droppedItem } from "../mapImport/dropReason.js";
import type { ImportDraft, ImportReport } from "../mapImport/ImportDraft.js";
import { importFileError } from "../mapImport/importFileError.js";
import { parseMapJson } from "../mapImport/parseMapJson.js";
import type { Services } from "../services.js";
import { carriedTouchpointIds, importIdeasAndKpis } from "./ideaKpiImporter.js";
import { createPersona, findPersonas } from "./personaCreator.js";
import { createTouchpoint } from "./touchpointCreator.js";

/** What an import created and what it had to leave out. */
export interface MapImportResult {
  mapId: string;
  personaIds: string[];
  touchpointIds: string[];
  report: ImportReport;
}

/**
 * Creates a parsed file (any format) in a workspace. Personas and touchpoints are reused when the workspace already
 * has them (same id: the map comes back home) and created from the file otherwise. References that resolve to nothing
 * are dropped and reported. The ideas and KPIs our JSON carries come along, linked to the new map. If a write fails,
 * what was created is removed again, so an import is all or nothing.
 */
export async function importMapDraft(
  services: Services,
  input: { workspaceId: string; userId: string; draft: ImportDraft },
): Promise<MapImportResult> {
  const { db } = services;
  const { snapshot, personas, touchpoints } = input.draft;
  const report: ImportReport = {
    ...input.draft.report,
    dropped: [...input.draft.report.dropped],
    notes: [...input.draft.report.notes],
  };
  const createdPersonas: string[] = [];
  const createdTouchpoints: string[] = [];
  try {
    const existingPersonas = new Set<string>(
      (
        await findPersonas(
          db,
          input.workspaceId,
          personas.map((p) => p.oldId),
        )
      ).map((p) => p.id),
    );
    const personaIds = new Map<string, string>([...existingPersonas].map((id) => [id, id]));
    for (const p of personas) {
      if (personaIds.has(p.oldId)) continue;
      const persona = await createPersona(db, input.workspaceId, p.fields);
      personaIds.set(p.oldId, persona.id);
      createdPersonas.push(persona.id);
    }
    const carried = input.draft.ideasAndKpis;
    const referenced = new Set([
      ...snapshot.cells.flatMap((c) =>
        c.cards.flatMap((k) => (k.kind === "touchpoint" ? [k.touchpointId as string] : [])),
      ),
      ...carriedTouchpointIds(carried?.records),
    ]);
    const existing = new Set(
      referenced.size
        ? (
            await db.kysely
              .selectFrom("touchpoints")
              .select("id")
              .where("workspace_id", "=", input.workspaceId)
              .where("id", "in", [...referenced])
              .execute()
          ).map((r) => r.id)
        : [],
    );
    const touchpointIds = new Map<string, string>([...existing].map((id) => [id, id]));
    for (const [i, t] of touchpoints.entries()) {
      if (!referenced.has(t.oldId) || touchpointIds.has(t.oldId)) continue;
      const created = await createTouchpoint(db, input.workspaceId, t.fields).catch((err: unknown) => {
        throw err instanceof DomainError ? importFileError(`touchpoints[${i}].channelId`, err.message) : err;
      });
      touchpointIds.set(t.oldId, created.id);
      createdTouchpoints.push(created.id);
    }

    const known = new Set<string>(
      (
        await findPersonas(db, input.workspaceId, [
          ...new Set(
            [...snapshot.settings.personaIds, ...snapshot.emotions.map((e) => e.personaId)].map(
              (id) => personaIds.get(id) ?? id,
            ),
          ),
        ])
      ).map((p) => p.id),
    );
    const persona = (id: string) => personaIds.get(id) ?? id;
    const rewritten: MapSnapshot = {
      ...snapshot,
      settings: {
        ...snapshot.settings,
        personaIds: snapshot.settings.personaIds
          .filter(
            (id, i) =>
              known.has(persona(id)) ||
              !report.dropped.push(droppedItem(`settings.personaIds[${i}]`, { code: "noPersona", values: { id } }, [])),
          )
          .map((id) => persona(id) as typeof id),
      },
      emotions: snapshot.emotions
        .filter(
          (e, i) =>
            known.has(persona(e.personaId)) ||
            !report.dropped.push(
              droppedItem(`emotions[${i}]`, { code: "noPersona", values: { id: e.personaId } }, e.note ? [e.note] : []),
            ),
        )
        .map((e) => ({ ...e, personaId: persona(e.personaId) as typeof e.personaId })),
      cells: snapshot.cells
        .map((cell, i) => ({
          ...cell,
          cards: cell.cards
            .filter(
              (k, j) =>
                k.kind !== "touchpoint" ||
                touchpointIds.has(k.touchpointId) ||
                !report.dropped.push(
                  droppedItem(
                    `cells[${i}].cards[${j}]`,
                    { code: "noTouchpoint", values: { id: k.touchpointId } },
                    k.note ? [k.note] : [],
                  ),
                ),
            )
            .map((k) =>
              k.kind === "touchpoint"
                ? { ...k, touchpointId: touchpointIds.get(k.touchpointId) as typeof k.touchpointId }
                : k,
            ),
        }))
        .filter((cell) => cell.cards.length > 0),
    };
    const map = await services.maps.create({
      workspaceId: input.workspaceId,
      createdBy: input.userId,
      snapshot: rewritten,
    });
    if (carried) {
      const leftOut = await importIdeasAndKpis(services, {
        workspaceId: input.workspaceId,
        userId: input.userId,
        fileMapId: carried.mapId,
        mapId: map.id,
        touchpointIds,
        records: carried.records,
      }).catch(async (err: unknown) => {
        await services.maps.remove(map.id);
        throw err;
      });
      report.dropped.push(...leftOut);
    }
    return { mapId: map.id, personaIds: createdPersonas, touchpointIds: createdTouchpoints, report };
  } catch (err) {
    if (createdPersonas.length) await db.kysely.deleteFrom("personas").where("id", "in", createdPersonas).execute();
    if (createdTouchpoints.length)
      await db.kysely.deleteFrom("touchpoints").where("id", "in", createdTouchpoints).execute();
    throw err;
  }
}

/** Imports our JSON (an export envelope or a bare snapshot, any earlier document version) into a workspace. */
export async function importMapJson(
  services: Services,
  input: { workspaceId: string; userId: string; json: unknown },
): Promise<MapImportResult> {
  return importMapDraft(services, {
    workspaceId: input.workspaceId,
    userId: input.userId,
    draft: parseMapJson(input.json),
  });
}
