import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const XES = readFileSync(
  join(import.meta.dirname, "../../../../../../shared/cjm-research-data/event-logs/pm4py/running-example.xes"),
);

describe.each(testDialects)("compressed event files over the upload path on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  const upload = (path: string, body: Uint8Array) =>
    t.app.request(path, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body: Buffer.from(body),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
  });
  afterAll(() => t.dispose());

  it("previews the first bytes of a gzipped XES and imports the whole file", async () => {
    const gz = gzipSync(XES);
    const preview = await upload(`${base}/sources/preview?fileName=running-example.xes.gz`, gz.subarray(0, 1500));
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { format: string; header: string[]; guessNotes: string[] };
    expect(body.format).toBe("xes");
    expect(body.header).toContain("time:timestamp");
    const source = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name: "Complaints", kind: "support" },
    });
    const sourceId = (source.body as { sourceId: string }).sourceId;
    const done = await upload(`${base}/sources/${sourceId}/imports?fileName=running-example.xes.gz&wait=true`, gz);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "done", format: "xes", eventsStored: 42, error: null });
  });
});
