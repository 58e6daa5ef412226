import type { Services } from "../services.js";
import { deleteWorkspaceRow } from "../store/workspaceStore.js";

/** Deletes a workspace and everything in it: each map through the map store, then the rest. */
export async function removeWorkspace(services: Services, workspaceId: string): Promise<void> {
  for (const map of await services.maps.list(workspaceId)) await services.maps.remove(map.id);
  await deleteWorkspaceRow(services.db, workspaceId);
}
