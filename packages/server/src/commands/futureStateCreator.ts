import { z } from "@hono/zod-openapi";
import { deriveFutureState, type MapSnapshot } from "@opencjm/core";
import type { Services } from "../services.js";
import type { MapSummary } from "../store/MapDocumentService.js";

/** What a caller may say about the future-state copy; everything else is copied from the source map. */
export const FutureStateCreateSchema = z
  .strictObject({ title: z.string().trim().min(1).max(200).optional() })
  .openapi("FutureStateCreate");
export type FutureStateCreate = z.infer<typeof FutureStateCreateSchema>;

/**
 * Creates a future-state map from a map of the same workspace: its current content (live edits included) copied
 * under fresh ids, with `basedOnMapId` and per-step origins so the two can be compared.
 */
export async function createFutureState(
  services: Services,
  input: { workspaceId: string; userId: string; sourceMapId: string; request: FutureStateCreate },
): Promise<{ map: MapSummary; snapshot: MapSnapshot }> {
  const source = await services.maps.readSnapshot(input.sourceMapId);
  const snapshot = deriveFutureState(source, { sourceMapId: input.sourceMapId, title: input.request.title });
  const map = await services.maps.create({ workspaceId: input.workspaceId, createdBy: input.userId, snapshot });
  return { map, snapshot: await services.maps.readSnapshot(map.id) };
}
