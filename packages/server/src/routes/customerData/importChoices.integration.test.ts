import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportRecordSchema, SkippedRowSchema } from "@opencjm/core";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const MAPPING = {
  columns: {
    phone: { role: "identifier", kind: "phone" },
    opened: { role: "timestamp" },
    event: { role: "event" },
  },
};
const HEADER = "phone,opened,event";
const GOOD = "15550100,2024-01-05T10:00:00Z,ticket_opened";
// Row 2 cannot be read (its time), row 3 repeats row 1.
const FILE = `${HEADER}\n${GOOD}\n15550101,05.01.2024 25:99,ticket_opened\n${GOOD}\n15550102,2024-01-06T10:00:00Z,ticket_closed\n`;

describe.each(testDialects)("import choices over the API on %s: duplicates and skipping bad rows", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  const upload = (path: string, body: string) =>
    t.app.request(path, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
  });
  afterAll(() => t.dispose());

  async function createSource(name: string): Promise<string> {
    const res = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name, kind: "support", mapping: MAPPING },
    });
    expect(res.status).toBe(201);
    return (res.body as { sourceId: string }).sourceId;
  }

  it("refuses the file by default at its first bad row", async () => {
    const sourceId = await createSource("Tickets A");
    const res = await upload(`${base}/sources/${sourceId}/imports?fileName=t.csv&wait=true`, FILE);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_timestamp");
  });

  it("with skipBadRows=true and duplicates=skip, imports the rest and reports each left-out row", async () => {
    const sourceId = await createSource("Tickets B");
    const res = await upload(
      `${base}/sources/${sourceId}/imports?fileName=t.csv&wait=true&skipBadRows=true&duplicates=skip`,
      FILE,
    );
    expect(res.status).toBe(200);
    const record = ImportRecordSchema.parse(await res.json());
    expect([record.status, record.rowsRead, record.eventsStored]).toEqual(["done", 4, 2]);
    expect(record.summary).toMatchObject({ badRowsSkipped: 1, duplicatesSkipped: 1 });
    const skipped = SkippedRowSchema.array().parse(record.summary?.skippedRows);
    expect(skipped.map((r) => [r.row, r.column, r.code, r.value])).toEqual([
      [2, "opened", "bad_timestamp", "05.01.2024 25:99"],
    ]);
  });

  it("with duplicates=keep, stores the repeated row too", async () => {
    const sourceId = await createSource("Tickets C");
    const res = await upload(
      `${base}/sources/${sourceId}/imports?fileName=t.csv&wait=true&skipBadRows=true&duplicates=keep`,
      FILE,
    );
    expect(res.status).toBe(200);
    expect(ImportRecordSchema.parse(await res.json()).eventsStored).toBe(3);
  });

  it("refuses an unknown choice, naming the parameter, and starts no import", async () => {
    const sourceId = await createSource("Tickets D");
    const res = await upload(`${base}/sources/${sourceId}/imports?fileName=t.csv&wait=true&duplicates=maybe`, FILE);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("duplicates");
    const history = await t.request("GET", `${base}/imports?sourceId=${sourceId}`, {
      headers: ws.users.viewer.headers,
    });
    expect(history.body).toEqual([]);
  });
});
