import { afterAll, beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const WEB =
  "cookie_id,email,timestamp,event,page\nck-1,,2024-01-01T10:00:00Z,page_view,/\nck-1,lena@example.org,2024-01-01T10:05:00Z,login,/account\nck-2,,2024-01-02T09:00:00Z,page_view,/\n";
const CRM = "email;phone;created;event;plan\nLENA@example.org;+49 30 5550101;2024-01-03 09:00;account_created;pro\n";
const WEB_MAPPING = {
  columns: {
    cookie_id: { role: "identifier", kind: "cookie" },
    email: { role: "identifier", kind: "email" },
    timestamp: { role: "timestamp" },
    event: { role: "event" },
    page: { role: "property" },
  },
  channel: "web",
};

describe.each(testDialects)("event sources and imports over the API on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  const upload = (path: string, body: string | Uint8Array, headers: Record<string, string> = ws.users.editor.headers) =>
    t.app.request(path, {
      method: "POST",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: typeof body === "string" ? body : Buffer.from(body),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect, { maxUploadBytes: 64 * 1024 });
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
  });
  afterAll(() => t.dispose());

  async function createSource(name: string, kind: string, mapping?: unknown) {
    const res = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name, kind, ...(mapping ? { mapping } : {}) },
    });
    expect(res.status).toBe(201);
    return res.body as { sourceId: string; name: string };
  }

  it("creates sources with a mapping; refuses a bad mapping and a name used twice", async () => {
    const web = await createSource("Web shop", "web", WEB_MAPPING);
    expect(
      (await t.request("GET", `${base}/sources/${web.sourceId}`, { headers: ws.users.viewer.headers })).body,
    ).toMatchObject({
      name: "Web shop",
      kind: "web",
      mapping: { columns: { cookie_id: { role: "identifier", kind: "cookie" } }, duplicates: "error" },
      events: 0,
    });
    const bad = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name: "Bad", mapping: { columns: { a: { role: "event" } } } },
    });
    expect([bad.status, bad.body.error?.issues[0]?.path]).toEqual([400, "mapping.columns"]);
    expect(bad.body.error?.message).toContain("needs exactly one timestamp column");
    const twice = await t.request("POST", `${base}/sources`, {
      headers: ws.users.editor.headers,
      body: { name: "web SHOP" },
    });
    expect([twice.status, twice.body.error?.code]).toEqual([409, "source_exists"]);
  });

  it("previews a file's first bytes: encoding, delimiter, header, rows and a guessed mapping", async () => {
    const gbk = iconv.encode(
      "邮箱;时间;事件;评论\nli@example.cn;2024-05-01 10:00;购买;送货很快，服务很好\nwang@example.cn;2024-05-02 11:00;咨询;请问有什么颜色",
      "gb18030",
    );
    const res = await upload(`${base}/sources/preview?fileName=orders.csv`, gbk);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      format: "csv",
      encoding: "gb18030",
      delimiter: ";",
      header: ["邮箱", "时间", "事件", "评论"],
      rows: [["li@example.cn", "2024-05-01 10:00", "购买", "送货很快，服务很好"]], // the cut-off last line is left out
      guessedMapping: {
        columns: {
          邮箱: { role: "identifier", kind: "email" },
          时间: { role: "timestamp" },
          事件: { role: "event" },
          评论: { role: "text" },
        },
      },
      mappingIssues: [],
    });
  });

  it("imports with wait=true, stitches across sources and explains the merge", async () => {
    const web = (await t.request("GET", `${base}/sources`, { headers: ws.users.viewer.headers }))
      .body as unknown as Array<{ sourceId: string; name: string }>;
    const webId = web.find((s) => s.name === "Web shop")!.sourceId;
    const res = await upload(`${base}/sources/${webId}/imports?fileName=web.csv&wait=true`, WEB);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "done",
      fileName: "web.csv",
      format: "csv",
      encoding: "utf-8",
      rowsRead: 3,
      eventsStored: 3,
      error: null,
      summary: { customers: 2, merges: 1 },
    });

    const crm = await createSource("CRM", "crm");
    const mapping = encodeURIComponent(
      JSON.stringify({
        columns: {
          email: { role: "identifier", kind: "email" },
          phone: { role: "identifier", kind: "phone" },
          created: { role: "timestamp" },
          event: { role: "event" },
          plan: { role: "attribute" },
        },
        timeZone: "Europe/Berlin",
      }),
    );
    const crmRes = await upload(
      `${base}/sources/${crm.sourceId}/imports?fileName=crm.csv&wait=true&mapping=${mapping}`,
      CRM,
    );
    expect([crmRes.status, ((await crmRes.json()) as { eventsStored: number }).eventsStored]).toEqual([200, 1]);

    const counts = await t.request("GET", `${base}/identities`, { headers: ws.users.viewer.headers });
    expect(counts.body).toMatchObject({
      customers: 2,
      events: 4,
      identifiers: 4,
      merges: 2,
      byKind: [
        { kind: "cookie", identifiers: 2 },
        { kind: "email", identifiers: 1 },
        { kind: "phone", identifiers: 1 },
      ],
    });
    const lookup = await t.request(
      "GET",
      `${base}/identities/lookup?kind=phone&value=${encodeURIComponent("+49 (30) 555-0101")}`,
      { headers: ws.users.editor.headers },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      identifiers: [
        { kind: "cookie", value: "ck-1" },
        { kind: "email", value: "lena@example.org" },
        { kind: "phone", value: "49305550101" },
      ],
      mergeLog: [
        { reason: 'row 2 of web.csv (source "Web shop") has both cookie "ck-1" and email "lena@example.org"' },
        { reason: 'row 1 of crm.csv (source "CRM") has both email "lena@example.org" and phone "49305550101"' },
      ],
    });
    const byId = await t.request("GET", `${base}/customers/${lookup.body.customerId}/merge-log`, {
      headers: ws.users.editor.headers,
    });
    expect(byId.body).toEqual(lookup.body);
    expect(
      (await t.request("GET", `${base}/customers/999/merge-log`, { headers: ws.users.editor.headers })).status,
    ).toBe(404);
    // A viewer sees the counts above but not who the customers are: identifiers are personal data.
    for (const path of [
      `${base}/identities/lookup?kind=phone&value=49305550101`,
      `${base}/customers/${lookup.body.customerId}/merge-log`,
    ]) {
      const refused = await t.request("GET", path, { headers: ws.users.viewer.headers });
      expect([refused.status, refused.body.error?.message]).toEqual([
        403,
        "the viewer role cannot see customers' personal data; owners and editors can",
      ]);
      expect(JSON.stringify(refused.body)).not.toContain("lena@example.org");
    }
    // The CRM source now remembers the mapping it was imported with.
    expect(
      (await t.request("GET", `${base}/sources/${crm.sourceId}`, { headers: ws.users.viewer.headers })).body,
    ).toMatchObject({ events: 1, imports: 1, mapping: { timeZone: "Europe/Berlin" } });
  });

  it("runs an import in the background with progress as server-sent events", async () => {
    const source = await createSource("Survey", "survey", {
      columns: {
        email: { role: "identifier", kind: "email" },
        at: { role: "timestamp" },
        nps: { role: "score", kind: "nps" },
        comment: { role: "text" },
      },
      eventName: "Survey answered",
    });
    const res = await upload(
      `${base}/sources/${source.sourceId}/imports?fileName=survey.csv`,
      "email,at,nps,comment\nlena@example.org,2024-02-01T10:00:00Z,9,Отлично\n",
    );
    expect(res.status).toBe(202);
    const started = (await res.json()) as { importId: string; eventsUrl: string; statusUrl: string };
    const stream = await t.app.request(started.eventsUrl, { headers: ws.users.viewer.headers });
    expect([stream.status, stream.headers.get("content-type")]).toEqual([200, "text/event-stream"]);
    const text = await stream.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.at(-1)).toBe("done");
    const done = JSON.parse(
      text
        .trim()
        .split("\n")
        .at(-1)!
        .replace(/^data: /, ""),
    ) as { status: string; eventsStored: number };
    expect(done).toMatchObject({ status: "done", eventsStored: 1 });
    expect((await t.request("GET", started.statusUrl, { headers: ws.users.viewer.headers })).body).toMatchObject({
      importId: started.importId,
      status: "done",
    });
  });

  it("refuses a bad file with its row and column, stores nothing, and keeps the failure in the history", async () => {
    const source = await createSource("Tickets", "support", {
      columns: {
        phone: { role: "identifier", kind: "phone" },
        opened: { role: "timestamp" },
        event: { role: "event" },
      },
    });
    const before = (await t.request("GET", `${base}/identities`, { headers: ws.users.viewer.headers })).body;
    const res = await upload(
      `${base}/sources/${source.sourceId}/imports?fileName=tickets.csv&wait=true`,
      "phone,opened,event\n15550100,2024-01-05T10:00:00Z,ticket_opened\n15550101,05.01.2024 25:99,ticket_opened\n",
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: unknown }).error).toEqual({
      code: "bad_timestamp",
      message:
        'tickets.csv, row 2, column "opened": "05.01.2024 25:99" is not a valid timestamp (ISO 8601, as in the other rows)',
      issues: [
        {
          path: "row 2, column opened",
          row: 2,
          column: "opened",
          code: "bad_timestamp",
          message:
            'tickets.csv, row 2, column "opened": "05.01.2024 25:99" is not a valid timestamp (ISO 8601, as in the other rows)',
        },
      ],
    });
    expect((await t.request("GET", `${base}/identities`, { headers: ws.users.viewer.headers })).body).toEqual(before);
    const history = (
      await t.request("GET", `${base}/imports?sourceId=${source.sourceId}`, { headers: ws.users.viewer.headers })
    ).body as unknown as Array<{ status: string; error: unknown }>;
    expect(history).toMatchObject([{ status: "failed", error: { code: "bad_timestamp", row: 2, column: "opened" } }]);
  });

  it("streams uploads past the JSON body limit but stops at MAX_UPLOAD_BYTES", async () => {
    const source = await createSource("Big", "web", WEB_MAPPING);
    const header = "cookie_id,email,timestamp,event,page\n";
    const rows = Array.from({ length: 2000 }, (_, i) => `ck-${i},,2024-03-01T10:00:00Z,page_view,/p${i}`).join("\n");
    const res = await upload(
      `${base}/sources/${source.sourceId}/imports?fileName=big.csv&wait=true`,
      `${header}${rows}\n`,
    );
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code, body.error.message]).toEqual([
      413,
      "too_large",
      "the file is larger than the upload limit of 65.5 KB (MAX_UPLOAD_BYTES); import it with the cjm import-events command instead",
    ]);
    const claimed = await t.app.request(`${base}/sources/${source.sourceId}/imports?fileName=huge.csv`, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "text/csv", "content-length": String(10 * 1000 ** 3) },
      body: header,
    });
    expect([claimed.status, ((await claimed.json()) as { error: { code: string } }).error.code]).toEqual([
      413,
      "too_large",
    ]);
    expect(
      (await t.request("GET", `${base}/sources/${source.sourceId}`, { headers: ws.users.viewer.headers })).body,
    ).toMatchObject({ events: 0, imports: 0 });
  });

  it("names unknown sources and imports as not found", async () => {
    expect((await upload(`${base}/sources/src_nope/imports?fileName=x.csv`, WEB)).status).toBe(404);
    expect((await t.request("GET", `${base}/imports/imp_nope`, { headers: ws.users.viewer.headers })).status).toBe(404);
    expect(
      (await t.request("GET", `${base}/imports/imp_nope/events`, { headers: ws.users.viewer.headers })).status,
    ).toBe(404);
  });

  it("deleting a source removes its events and splits what it had joined", async () => {
    const sources = (await t.request("GET", `${base}/sources`, { headers: ws.users.viewer.headers }))
      .body as unknown as Array<{ sourceId: string; name: string }>;
    const crm = sources.find((s) => s.name === "CRM")!;
    expect(
      (await t.request("DELETE", `${base}/sources/${crm.sourceId}`, { headers: ws.users.editor.headers })).status,
    ).toBe(200);
    expect(
      (
        await t.request("GET", `${base}/identities/lookup?kind=phone&value=49305550101`, {
          headers: ws.users.editor.headers,
        })
      ).status,
    ).toBe(404);
    expect((await t.request("GET", `${base}/identities`, { headers: ws.users.viewer.headers })).body).toMatchObject({
      merges: 1,
    });
  });
});
