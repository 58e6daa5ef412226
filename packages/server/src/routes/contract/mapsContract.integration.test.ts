import {
  ChannelSchema,
  MapCreatedSchema,
  MapImportedSchema,
  MapImportPreviewSchema,
  MapListItemSchema,
  MapSnapshotSchema,
  MapWithSnapshotSchema,
  OkResponseSchema,
  PersonaSchema,
  ShareLinkCreatedSchema,
  ShareLinkSchema,
  SharedMapSchema,
  TemplatePreviewSchema,
  TemplateSummarySchema,
  TouchpointSchema,
} from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { expectContract } from "../../testing/expectContract.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";

const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
const MERMAID =
  "journey\n  title Lena orders tea\n  section Find\n    Search the shop: 3: Lena\n  section Buy\n    Pay: 2: Lena\n";

// The map, catalogue, sharing and map-file endpoints the web app calls, read with the contract's schemas.
describe("the map endpoints answer as the wire contract says", () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  let mapId: string;
  const editor = () => ({ headers: ws.users.editor.headers });

  beforeAll(async () => {
    t = await createTestApp("sqlite");
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
  });
  afterAll(() => t.dispose());

  it("GET /api/templates and GET /api/templates/{templateId}", async () => {
    const templates = expectContract(
      z.array(TemplateSummarySchema),
      await t.request("GET", "/api/templates?locale=ru", editor()),
    );
    expectContract(
      TemplatePreviewSchema,
      await t.request("GET", `/api/templates/${templates[0]!.id}?locale=ru`, editor()),
    );
  });

  it("POST …/maps, GET …/maps, GET …/maps/{mapId}, PATCH …/settings and POST …/future-state", async () => {
    const created = expectContract(
      MapCreatedSchema,
      await t.request("POST", `${base}/maps`, { ...editor(), body: { templateId: "ecommerce", locale: "en" } }),
      201,
    );
    mapId = created.map.id;
    expect(
      expectContract(z.array(MapListItemSchema), await t.request("GET", `${base}/maps`, editor())).map((m) => m.id),
    ).toEqual([mapId]);
    expectContract(MapWithSnapshotSchema, await t.request("GET", `${base}/maps/${mapId}`, editor()));
    expectContract(
      z.object({ snapshot: MapSnapshotSchema }),
      await t.request("PATCH", `${base}/maps/${mapId}/settings`, { ...editor(), body: { goal: "Buy shoes" } }),
    );
    expectContract(
      MapWithSnapshotSchema,
      await t.request("POST", `${base}/maps/${mapId}/future-state`, { ...editor(), body: {} }),
      201,
    );
  });

  it("personas, their photo, channels and touchpoints", async () => {
    const persona = expectContract(
      PersonaSchema,
      await t.request("POST", `${base}/personas`, { ...editor(), body: { name: "Lena" } }),
      201,
    );
    expectContract(
      PersonaSchema,
      await t.request("PATCH", `${base}/personas/${persona.id}`, { ...editor(), body: { goals: ["Shoes that fit"] } }),
    );
    expectContract(PersonaSchema, await t.request("GET", `${base}/personas/${persona.id}`, editor()));
    expectContract(z.array(PersonaSchema), await t.request("GET", `${base}/personas`, editor()));
    const photo = await t.app.request(`${base}/personas/${persona.id}/photo`, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "image/png" },
      body: PNG,
    });
    expectContract(PersonaSchema, { status: photo.status, body: await photo.json() });
    expectContract(PersonaSchema, await t.request("DELETE", `${base}/personas/${persona.id}/photo`, editor()));
    expectContract(OkResponseSchema, await t.request("DELETE", `${base}/personas/${persona.id}`, editor()));
    const channels = expectContract(z.array(ChannelSchema), await t.request("GET", `${base}/channels`, editor()));
    const body = { name: "Checkout", channelId: channels[0]!.id, medium: "digital", description: "", ownerTeam: "" };
    expectContract(TouchpointSchema, await t.request("POST", `${base}/touchpoints`, { ...editor(), body }), 201);
    expectContract(z.array(TouchpointSchema), await t.request("GET", `${base}/touchpoints`, editor()));
  });

  it("share links and the shared map", async () => {
    const links = `${base}/maps/${mapId}/share-links`;
    const created = expectContract(
      ShareLinkCreatedSchema,
      await t.request("POST", links, { ...editor(), body: { label: "Board", expiresAt: null } }),
      201,
    );
    expectContract(z.array(ShareLinkSchema), await t.request("GET", links, editor()));
    expectContract(SharedMapSchema, await t.request("GET", `/api/share/${created.token}`, { headers: {} }));
    expectContract(OkResponseSchema, await t.request("DELETE", `${links}/${created.link.id}`, editor()));
  });

  it("POST …/maps/import/preview and POST …/maps/import", async () => {
    const file = { name: "journey.mmd", content: MERMAID, encoding: "text" };
    expectContract(
      MapImportPreviewSchema,
      await t.request("POST", `${base}/maps/import/preview`, { ...editor(), body: file }),
    );
    expectContract(MapImportedSchema, await t.request("POST", `${base}/maps/import`, { ...editor(), body: file }), 201);
  });
});
