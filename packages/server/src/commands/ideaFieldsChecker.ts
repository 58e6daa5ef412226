import type { IdeaCreate } from "@opencjm/core";
import { fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { IdeaFields, StoredIdeaLink } from "../store/ideaStore.js";
import { listMembers } from "../store/memberStore.js";
import { touchpointNames } from "../store/touchpointStore.js";
import { resolveIdeaLinks, type MapLookup } from "./ideaLinkResolver.js";

/**
 * Checks an idea's fields against the workspace — the owner is a member, the touchpoints are in its catalogue, the
 * maps, cards and steps linked exist — and returns them as stored (tags without repeats, links with their labels).
 */
export async function checkIdeaFields(
  services: Services,
  workspaceId: string,
  maps: MapLookup,
  input: IdeaCreate,
  kept?: { anchors: StoredIdeaLink[]; steps: StoredIdeaLink[]; touchpointIds: string[] },
): Promise<IdeaFields> {
  if (input.ownerId !== null) {
    const members = await listMembers(services.db, workspaceId);
    if (!members.some((m) => m.userId === input.ownerId))
      throw fieldError("ownerId", `"${input.ownerId}" is not a member of this workspace`, { detail: "not a member" });
  }
  // Touchpoints the idea already names stay even if the catalogue lost them since; new ones must exist.
  const keptTouchpoints = new Set(kept?.touchpointIds ?? []);
  if (input.touchpointIds.some((id) => !keptTouchpoints.has(id))) {
    const names = await touchpointNames(services.db, workspaceId);
    const unknown = input.touchpointIds.findIndex((id) => names[id] === undefined && !keptTouchpoints.has(id));
    if (unknown >= 0)
      throw fieldError(
        `touchpointIds.${unknown}`,
        `no touchpoint "${input.touchpointIds[unknown]}" in this workspace`,
        {
          detail: "unknown touchpoint",
        },
      );
  }
  const links = await resolveIdeaLinks(maps, input, kept);
  return {
    title: input.title,
    description: input.description,
    ownerId: input.ownerId,
    tags: [...new Set(input.tags)],
    touchpointIds: [...new Set(input.touchpointIds)],
    kpiIds: [...new Set(input.kpiIds)],
    ice: input.ice,
    rice: input.rice,
    ...links,
  };
}
