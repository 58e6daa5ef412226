import type { ChannelId } from "@opencjm/core";
import { createPersona } from "../commands/personaCreator.js";
import { createTouchpoint } from "../commands/touchpointCreator.js";
import { createWorkspace } from "../commands/workspaceCreator.js";
import type { Services } from "../services.js";
import { buildDemoMap } from "./buildDemoMap.js";
import { DEMO_MAPS, DEMO_PERSONAS, DEMO_TOUCHPOINTS } from "./demoContent.js";
import { seedDemoIdeas } from "./seedDemoIdeas.js";

/** Creates the demo workspace (personas, touchpoints, maps) owned by a user; on any failure nothing of it remains. */
export async function seedDemoWorkspace(
  services: Services,
  ownerId: string,
): Promise<{ workspaceId: string; mapIds: string[] }> {
  const workspace = await createWorkspace(services.db, { name: "Demo: Northwind & friends", locale: "en", ownerId });
  try {
    const personaIds = new Map<string, string>();
    for (const [key, fields] of Object.entries(DEMO_PERSONAS))
      personaIds.set(key, (await createPersona(services.db, workspace.id, fields)).id);
    const touchpointIds = new Map<string, string>();
    for (const [key, t] of Object.entries(DEMO_TOUCHPOINTS)) {
      const created = await createTouchpoint(services.db, workspace.id, {
        name: t.name,
        channelId: t.channelKey as ChannelId,
        medium: t.medium,
        description: t.description,
        ownerTeam: t.ownerTeam,
      });
      touchpointIds.set(key, created.id);
    }
    const lookup = (map: Map<string, string>, kind: string) => (key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`demo content refers to unknown ${kind} "${key}"`);
      return id;
    };
    const ids = { personaId: lookup(personaIds, "persona"), touchpointId: lookup(touchpointIds, "touchpoint") };
    const mapIds: string[] = [];
    for (const spec of DEMO_MAPS) {
      const map = await services.maps.create({
        workspaceId: workspace.id,
        createdBy: ownerId,
        snapshot: buildDemoMap(spec, ids),
      });
      mapIds.push(map.id);
    }
    await seedDemoIdeas(services, workspace.id, ownerId, mapIds[0]!);
    return { workspaceId: workspace.id, mapIds };
  } catch (err) {
    await services.db.kysely.deleteFrom("workspaces").where("id", "=", workspace.id).execute();
    throw err;
  }
}
