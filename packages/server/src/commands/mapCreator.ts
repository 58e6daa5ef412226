import { z } from "@hono/zod-openapi";
import {
  buildMapFromTemplate,
  findTemplate,
  IdSchema,
  LocaleSchema,
  MapOperationError,
  upgradeSnapshot,
  type MapSnapshot,
} from "@opencjm/core";
import { DomainError, fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { MapSummary } from "../store/MapDocumentService.js";
import { findPersonas } from "./personaCreator.js";

/** Create a map from a template, or from a snapshot (our JSON of any earlier version). */
export const MapCreateSchema = z
  .union([
    z.strictObject({
      templateId: z.string().max(60),
      locale: LocaleSchema.default("en"),
      title: z.string().trim().min(1).max(200).optional(),
      goal: z.string().max(2000).optional(),
      personaIds: z.array(IdSchema).max(20).default([]),
    }),
    z.strictObject({ snapshot: z.record(z.string(), z.unknown()) }),
  ])
  .openapi("MapCreate");
export type MapCreate = z.infer<typeof MapCreateSchema>;

/** Validates and creates a map; personas it names must belong to the workspace. */
export async function createMapFromRequest(
  services: Services,
  input: { workspaceId: string; userId: string; request: MapCreate },
): Promise<{ map: MapSummary; snapshot: MapSnapshot; dropped: string[] }> {
  const { request } = input;
  let snapshot: MapSnapshot;
  let dropped: string[] = [];
  if ("templateId" in request) {
    if (!findTemplate(request.templateId))
      throw fieldError("templateId", `unknown template "${request.templateId}"`, { detail: "unknown template" });
    snapshot = buildMapFromTemplate(request.templateId, request);
  } else {
    try {
      ({
        snapshot,
        report: { dropped },
      } = upgradeSnapshot(request.snapshot));
    } catch (err) {
      if (err instanceof MapOperationError)
        throw new DomainError({
          kind: "invalid",
          code: "invalid_request",
          message: `snapshot.${err.message}`,
          details: [{ path: `snapshot.${err.field ?? ""}`, message: err.message }],
        });
      throw err;
    }
  }
  const personaIds = snapshot.settings.personaIds;
  const found = new Set((await findPersonas(services.db, input.workspaceId, personaIds)).map((p) => p.id));
  const missing = personaIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    const path = "templateId" in request ? `personaIds[${missing}]` : `snapshot.settings.personaIds[${missing}]`;
    throw fieldError(path, `no persona "${personaIds[missing]}" in this workspace`, { detail: "unknown persona" });
  }
  const map = await services.maps.create({ workspaceId: input.workspaceId, createdBy: input.userId, snapshot });
  await services.activity.record({
    workspaceId: input.workspaceId,
    mapId: map.id,
    actorId: input.userId,
    action: "map.created",
    data: { title: map.title },
  });
  return { map, snapshot: await services.maps.readSnapshot(map.id), dropped };
}
