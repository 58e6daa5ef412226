import { readFileSync } from "node:fs";
import type { MapSnapshot } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorkspace } from "../../demo/seedDemoWorkspace.js";
import { normalizeSnapshot } from "../../mapImport/normalizeSnapshot.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const OJF = readFileSync(
  new URL(
    "../../../../../../shared/cjm-research-data/journey-maps/openjourney-ojf/ecommerce-purchase.ojf",
    import.meta.url,
  ),
  "utf8",
);

describe.each(testDialects)("export and import API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;
  let base: string;
  const editor = () => ({ headers: ws.users.editor.headers });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    const demo = await seedDemoWorkspace(t.services, ws.users.owner.id);
    for (const role of ["editor", "viewer"] as const) {
      await t.services.db.kysely
        .insertInto("members")
        .values({
          workspace_id: demo.workspaceId,
          user_id: ws.users[role].id,
          role,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
    ws = { ...ws, id: demo.workspaceId };
    mapId = demo.mapIds[0]!;
    base = `/api/workspaces/${ws.id}/maps`;
  });
  afterAll(() => t.dispose());

  async function download(format: string, query = "") {
    const res = await t.app.request(`${base}/${mapId}/export?format=${format}${query}`, {
      headers: ws.users.viewer.headers,
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  it("exports every data format as a named attachment with its content type", async () => {
    const expected: Record<string, [string, string]> = {
      json: ["application/json; charset=utf-8", ".json"],
      csv: ["text/csv; charset=utf-8", ".csv"],
      md: ["text/markdown; charset=utf-8", ".md"],
      mermaid: ["text/plain; charset=utf-8", ".mmd"],
      xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"],
      pptx: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"],
    };
    for (const [format, [type, ext]] of Object.entries(expected)) {
      const { res, bytes } = await download(format);
      expect([format, res.status, res.headers.get("content-type")]).toEqual([format, 200, type]);
      expect(res.headers.get("content-disposition")).toContain(
        `filename*=UTF-8''Lena%20buys%20running%20shoes%20online${ext}`,
      );
      expect(bytes.length).toBeGreaterThan(100);
    }
    const md = new TextDecoder().decode((await download("md", "&lang=ru")).bytes);
    expect(md).toContain("## Этап: Discover");
    const bad = await t.request("GET", `${base}/${mapId}/export?format=docx`, { headers: ws.users.viewer.headers });
    expect([bad.status, bad.body.error?.issues[0]?.path]).toEqual([400, "query.format"]);
  });

  it("imports its own Excel export back into the workspace as an identical map, reusing the personas and touchpoints", async () => {
    const { bytes } = await download("xlsx");
    const file = { name: "map.xlsx", content: Buffer.from(bytes).toString("base64"), encoding: "base64" };
    const personasBefore = await t.services.db.kysely
      .selectFrom("personas")
      .select("id")
      .where("workspace_id", "=", ws.id)
      .execute();
    const preview = await t.request("POST", `${base}/import/preview`, { ...editor(), body: file });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      format: "xlsx",
      title: "Lena buys running shoes online",
      reusedPersonas: [expect.stringContaining("Lena")],
    });
    const imported = await t.request("POST", `${base}/import`, { ...editor(), body: file });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ personaIds: [], touchpointIds: [] });
    const original = (await t.request("GET", `${base}/${mapId}`, editor())).body.snapshot as MapSnapshot;
    const copy = (await t.request("GET", `${base}/${imported.body.mapId as string}`, editor())).body
      .snapshot as MapSnapshot;
    expect(normalizeSnapshot(copy)).toEqual(normalizeSnapshot(original));
    expect(
      await t.services.db.kysely.selectFrom("personas").select("id").where("workspace_id", "=", ws.id).execute(),
    ).toHaveLength(personasBefore.length);
  });

  it("previews an OpenJourney file with what it drops, then creates it with a new persona and nothing more", async () => {
    const file = { name: "ecommerce-purchase.ojf", content: OJF };
    const preview = await t.request("POST", `${base}/import/preview`, { ...editor(), body: file });
    expect(preview.body).toMatchObject({
      format: "ojf",
      counts: { stages: 4, steps: 7, lanes: 4, cells: 6, cards: 6, emotions: 7 },
      personas: ["Jane Doe, First-time Homeowner"],
      reusedPersonas: [],
    });
    expect((preview.body.report as { dropped: unknown[] }).dropped).toContainEqual({
      path: "nodes[].tags",
      reason: "cards have no tags (4 nodes)",
      code: "cardsHaveNoTags",
      values: { count: 4, of: "nodes" },
      texts: ["Search", "Mobile", "Research", "Desktop", "Checkout", "Support", "Product"],
    });
    const maps = async () => (await t.request("GET", base, editor())).body as unknown as unknown[];
    const before = (await maps()).length;
    expect((await t.request("POST", `${base}/import/preview`, { ...editor(), body: file })).status).toBe(200);
    expect(await maps()).toHaveLength(before);
    const imported = await t.request("POST", `${base}/import`, { ...editor(), body: file });
    expect([imported.status, (imported.body.personaIds as string[]).length]).toEqual([201, 1]);
    expect(await maps()).toHaveLength(before + 1);
  });

  it("creates nothing from a broken file and names the line or cell; viewers may export but not import", async () => {
    const count = async () => (await t.services.db.kysely.selectFrom("maps").select("id").execute()).length;
    const personas = async () => (await t.services.db.kysely.selectFrom("personas").select("id").execute()).length;
    const [maps0, personas0] = [await count(), await personas()];
    const broken = await t.request("POST", `${base}/import`, {
      ...editor(),
      body: { name: "day.mmd", content: "journey\n  section A\n    Tea: 5: Me\n    Coffee: lots: Me\n" },
    });
    expect([broken.status, broken.body.error?.code, broken.body.error?.message]).toEqual([
      400,
      "invalid_file",
      'line 4: score "lots" is not a number',
    ]);
    const csv = await t.request("POST", `${base}/import`, {
      ...editor(),
      body: { name: "grid.csv", content: "Stage,,,A\nStep,Type,Persona,x\nEmotions,Emotions,Me,very\n" },
    });
    expect(csv.body.error?.message).toBe('row 3, column D: "very" is not a number (emotion rows hold numbers)');
    const garbage = await t.request("POST", `${base}/import`, {
      ...editor(),
      body: { name: "x.bin", content: "%%%", encoding: "base64" },
    });
    expect([garbage.status, garbage.body.error?.issues[0]?.path]).toEqual([400, "content"]);
    expect([await count(), await personas()]).toEqual([maps0, personas0]);
    expect(
      (
        await t.request("POST", `${base}/import`, {
          headers: ws.users.viewer.headers,
          body: { name: "x.mmd", content: OJF },
        })
      ).status,
    ).toBe(403);
  });

  it("refuses a file larger than the request limit before reading it", async () => {
    const small = await createTestApp(dialect, { maxBodyBytes: 4096 });
    try {
      const owner = await buildWorkspace(small.services.db);
      const huge = `journey\n  section A\n${"    Step: 3: Me\n".repeat(1000)}`;
      const res = await small.request("POST", `/api/workspaces/${owner.id}/maps/import`, {
        headers: owner.users.editor.headers,
        body: { name: "huge.mmd", content: huge },
      });
      expect([res.status, res.body.error?.code]).toEqual([413, "payload_too_large"]);
      expect(await small.services.db.kysely.selectFrom("maps").select("id").execute()).toEqual([]);
    } finally {
      await small.dispose();
    }
  });
});
