import { newId, type Idea, type IdeaCreate } from "@opencjm/core";
import type { Services } from "../services.js";
import { getStoredIdea, insertIdea } from "../store/ideaStore.js";
import { checkIdeaFields } from "./ideaFieldsChecker.js";
import { MapLookup, presentIdea } from "./ideaLinkResolver.js";

/** Creates an idea, status "new", from a pain point, an opportunity, a cell or on its own (no anchors). */
export async function createIdea(
  services: Services,
  workspaceId: string,
  userId: string,
  input: IdeaCreate,
): Promise<Idea> {
  const maps = new MapLookup(services, workspaceId);
  const fields = await checkIdeaFields(services, workspaceId, maps, input);
  const id = newId("idea_");
  await insertIdea(services.db, { id, workspaceId, createdBy: userId, at: new Date().toISOString() }, fields);
  return presentIdea(maps, await getStoredIdea(services.db, workspaceId, id));
}
