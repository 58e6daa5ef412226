import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSource, findCustomerByIdentifier, ImportMappingSchema, importEvents } from "@opencjm/analytics";
import { buildMapFromTemplate, newId, type ChannelId } from "@opencjm/core";
import { createPersona } from "../commands/personaCreator.js";
import { createTouchpoint } from "../commands/touchpointCreator.js";
import { setMemberRole } from "../commands/workspaceCreator.js";
import { createTouchpointRule } from "../store/touchpointRuleStore.js";
import { buildUser, type TestWorkspace } from "./factories.js";
import type { TestApp } from "./testApp.js";

/** A real 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);

/** Fresh entities of each kind in a workspace, for authorisation cases that act on one. */
export const fresh = {
  persona: (t: TestApp, ws: TestWorkspace) => createPersona(t.services.db, ws.id, { name: "Matrix persona" }),
  personaWithPhoto: async (t: TestApp, ws: TestWorkspace) => {
    const persona = await createPersona(t.services.db, ws.id, { name: "Matrix persona with photo" });
    await t.services.db.kysely
      .insertInto("persona_photos")
      .values({
        persona_id: persona.id,
        workspace_id: ws.id,
        content_type: "image/png",
        data: Buffer.from(TINY_PNG),
        updated_at: new Date().toISOString(),
      })
      .execute();
    return persona;
  },
  touchpoint: (t: TestApp, ws: TestWorkspace) =>
    createTouchpoint(t.services.db, ws.id, {
      name: "Matrix touchpoint",
      channelId: "website" as ChannelId,
      medium: "digital",
      description: "",
      ownerTeam: "",
    }),
  map: (t: TestApp, ws: TestWorkspace) =>
    t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    }),
  member: async (t: TestApp, ws: TestWorkspace) => {
    const u = await buildUser(t.services.db);
    await setMemberRole(t.services.db, ws.id, u.id, "viewer");
    return u;
  },
  source: async (t: TestApp, ws: TestWorkspace) =>
    createSource((await t.services.analytics.open(ws.id)).connection, {
      name: `Matrix source ${newId()}`,
      kind: "web",
      mapping: MATRIX_MAPPING,
    }),
  /** A finished import whose customer has the e-mail it returns. */
  import: async (t: TestApp, ws: TestWorkspace) => {
    const db = await t.services.analytics.open(ws.id);
    const source = await fresh.source(t, ws);
    const email = `${newId()}@example.test`.toLowerCase();
    const path = join(t.services.config.dataDir, `${newId()}.csv`);
    writeFileSync(path, matrixCsv(email));
    const result = await importEvents(db, { path, source: { sourceId: source.sourceId }, rebuildStore: false });
    return {
      importId: result.importId,
      email,
      customerId: (await findCustomerByIdentifier(db.connection, "email", email))!,
    };
  },
};
/** The mapping of the matrix's event files: e-mail, time and event name. */
export const MATRIX_MAPPING = ImportMappingSchema.parse({
  columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" }, event: { role: "event" } },
});
/** A one-event CSV in MATRIX_MAPPING's columns, its customer known by `email`. */
export const matrixCsv = (email = `${newId()}@example.test`.toLowerCase()) =>
  `email,ts,event\n${email},2024-01-01T10:00:00Z,Visit\n`;

/** A touchpoint mapping rule on a fresh touchpoint of the workspace. */
export const freshRule = async (t: TestApp, ws: TestWorkspace) =>
  createTouchpointRule(t.services.db, ws.id, {
    touchpointId: (await fresh.touchpoint(t, ws)).id,
    eventNames: ["page_view"],
    conditions: [],
  });
