import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSource, ImportMappingSchema, importEvents } from "@opencjm/analytics";
import { buildMapFromTemplate, newId } from "@opencjm/core";
import type { AuthorizationCase } from "../../testing/authorizationCase.js";
import type { TestWorkspace } from "../../testing/factories.js";
import type { TestApp } from "../../testing/testApp.js";

const W = "/api/workspaces";

/** A customer with one event in the workspace, known by the e-mail returned. */
async function freshCustomer(t: TestApp, ws: TestWorkspace): Promise<string> {
  const db = await t.services.analytics.open(ws.id);
  const source = await createSource(db.connection, {
    name: `Timeline matrix ${newId()}`,
    kind: "crm",
    mapping: ImportMappingSchema.parse({
      columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
    }),
  });
  const email = `${newId()}@example.test`.toLowerCase();
  const path = join(t.services.config.dataDir, `${newId()}.csv`);
  writeFileSync(path, `email,ts,event\n${email},2024-01-01T10:00:00Z,Visit\n`);
  await importEvents(db, { path, source: { sourceId: source.sourceId }, rebuildStore: false });
  return email;
}

/**
 * Customer timelines in the authorisation matrix: personal data, so owners and editors only (a read-only token of an
 * editor too: reading changes nothing); commenters and viewers are refused.
 */
export const customerTimelineAuthorizationCases: Record<string, AuthorizationCase> = {
  "get /api/workspaces/{workspaceId}/customers/timeline": {
    permission: "write",
    readTokenAllowed: true,
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/customers/timeline?identifier=${encodeURIComponent(await freshCustomer(t, ws))}`,
    }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/steps/{stepId}/customers-who-left": {
    permission: "write",
    readTokenAllowed: true,
    build: async (t, ws) => {
      const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
      const map = await t.services.maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
      return { path: `${W}/${ws.id}/maps/${map.id}/steps/${snapshot.steps[0]!.id}/customers-who-left`, body: {} };
    },
  },
};
