import { TouchpointSchema, type Touchpoint, type TouchpointFields } from "@opencjm/core";
import { api } from "../../../../api/apiClient.js";
import type { CellCatalogue } from "../../CellContentProps.js";

// Touchpoints created here, so a new card shows its touchpoint even before the grid's catalogue has it.
const created = new Map<string, Touchpoint>();

/** Creates a touchpoint in the workspace catalogue (`POST /api/workspaces/{id}/touchpoints`). */
export async function createTouchpoint(workspaceId: string, fields: TouchpointFields): Promise<Touchpoint> {
  const answer = await api.post<unknown>(`/api/workspaces/${encodeURIComponent(workspaceId)}/touchpoints`, fields);
  const touchpoint = TouchpointSchema.parse(answer);
  created.set(touchpoint.id, touchpoint);
  return touchpoint;
}

/** A touchpoint by id from the catalogue, or one this page just created. */
export function findTouchpoint(catalogue: CellCatalogue, id: string): Touchpoint | undefined {
  return catalogue.touchpoints.get(id) ?? created.get(id);
}
