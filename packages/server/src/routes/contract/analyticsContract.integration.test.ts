import {
  ApiErrorBodySchema,
  DataFacetsSchema,
  FilePreviewSchema,
  ImportProgressEventSchema,
  ImportRecordSchema,
  ImportStartedSchema,
  MapCreatedSchema,
  MapMetricsSchema,
  MapWithSnapshotSchema,
  OkResponseSchema,
  RuleMatchesSchema,
  SegmentSizeSchema,
  SourceSchema,
  TouchpointRuleSchema,
  TouchpointSchema,
  UnmatchedEventsSchema,
} from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { expectContract } from "../../testing/expectContract.js";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";

const EVENTS =
  "email,time,event,country\nlena@example.org,2024-01-01T10:00:00Z,page_view,DE\nlena@example.org,2024-01-01T10:05:00Z,order,DE\nmax@example.org,2024-01-02T09:00:00Z,page_view,US\n";
const MAPPING = {
  columns: {
    email: { role: "identifier", kind: "email" },
    time: { role: "timestamp" },
    event: { role: "event" },
    country: { role: "attribute" },
  },
  channel: "web",
};

// The customer-data endpoints the web app calls, answered by the real app (DuckDB included) and read with the
// contract's schemas.
describe("the customer-data endpoints answer as the wire contract says", () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let base: string;
  let sourceId: string;
  const editor = () => ({ headers: ws.users.editor.headers });
  const upload = async (path: string, body: string) => {
    const res = await t.app.request(`${base}${path}`, {
      method: "POST",
      headers: { ...ws.users.editor.headers, "content-type": "application/octet-stream" },
      body,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    t = await createTestApp("sqlite");
    ws = await buildWorkspace(t.services.db);
    base = `/api/workspaces/${ws.id}`;
  });
  afterAll(() => t.dispose());

  it("sources: create, list, change, preview a file", async () => {
    const created = expectContract(
      SourceSchema,
      await t.request("POST", `${base}/sources`, {
        ...editor(),
        body: { name: "Web shop", kind: "web", mapping: MAPPING },
      }),
      201,
    );
    sourceId = created.sourceId;
    expectContract(
      SourceSchema,
      await t.request("PATCH", `${base}/sources/${sourceId}`, { ...editor(), body: { mapping: MAPPING } }),
    );
    const spare = expectContract(
      SourceSchema,
      await t.request("POST", `${base}/sources`, { ...editor(), body: { name: "Spare" } }),
      201,
    );
    expectContract(OkResponseSchema, await t.request("DELETE", `${base}/sources/${spare.sourceId}`, editor()));
    expectContract(z.array(SourceSchema), await t.request("GET", `${base}/sources`, editor()));
    expectContract(FilePreviewSchema, await upload("/sources/preview?fileName=events.csv&complete=true", EVENTS));
  });

  it("imports: waited for, followed as server-sent events, listed, and refused with the row and column as data", async () => {
    expectContract(
      ImportRecordSchema,
      await upload(`/sources/${sourceId}/imports?fileName=events.csv&wait=true`, EVENTS),
    );
    const started = expectContract(
      ImportStartedSchema,
      await upload(`/sources/${sourceId}/imports?fileName=more.csv`, EVENTS.replaceAll("2024-01", "2024-02")),
      202,
    );
    const stream = await (await t.app.request(started.eventsUrl, editor())).text();
    const events = [...stream.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map(([, type, data]) => ({
      type,
      data: JSON.parse(data!) as unknown,
    }));
    for (const { type, data } of events)
      expectContract(type === "progress" ? ImportProgressEventSchema : ImportRecordSchema, { status: 200, body: data });
    expect(events.at(-1)?.type).toBe("done");
    expectContract(ImportRecordSchema, await t.request("GET", started.statusUrl, editor()));
    expectContract(z.array(ImportRecordSchema), await t.request("GET", `${base}/imports?limit=50`, editor()));
    const refused = expectContract(
      ApiErrorBodySchema,
      await upload(
        `/sources/${sourceId}/imports?fileName=bad.csv&wait=true`,
        "email,time,event,country\nada@example.org,yesterday,order,DE\n",
      ),
      422,
    );
    expect(refused.error).toMatchObject({
      code: "bad_timestamp",
      issues: [{ row: 1, column: "time", code: "bad_timestamp" }],
    });
  });

  it("touchpoint rules, segments, facets and unmatched events", async () => {
    const touchpoint = expectContract(
      TouchpointSchema,
      await t.request("POST", `${base}/touchpoints`, {
        ...editor(),
        body: { name: "Checkout", channelId: "website", medium: "digital", description: "", ownerTeam: "" },
      }),
      201,
    );
    const rule = expectContract(
      TouchpointRuleSchema,
      await t.request("POST", `${base}/touchpoint-rules`, {
        ...editor(),
        body: { touchpointId: touchpoint.id, eventNames: ["order"] },
      }),
      201,
    );
    expectContract(
      TouchpointRuleSchema,
      await t.request("PATCH", `${base}/touchpoint-rules/${rule.id}`, { ...editor(), body: { pattern: "ord*" } }),
    );
    expectContract(z.array(TouchpointRuleSchema), await t.request("GET", `${base}/touchpoint-rules`, editor()));
    expectContract(
      RuleMatchesSchema,
      await t.request("POST", `${base}/touchpoint-rules/preview`, { ...editor(), body: { eventNames: ["page_view"] } }),
    );
    expectContract(
      SegmentSizeSchema,
      await t.request("POST", `${base}/segments/size`, {
        ...editor(),
        body: { segment: { match: "all", conditions: [{ attribute: "country", operator: "eq", value: "DE" }] } },
      }),
    );
    expectContract(DataFacetsSchema, await t.request("GET", `${base}/data/facets`, editor()));
    expectContract(UnmatchedEventsSchema, await t.request("GET", `${base}/data/unmapped`, editor()));
    const spare = expectContract(
      TouchpointRuleSchema,
      await t.request("POST", `${base}/touchpoint-rules`, {
        ...editor(),
        body: { touchpointId: touchpoint.id, eventNames: ["page_view"] },
      }),
      201,
    );
    expectContract(OkResponseSchema, await t.request("DELETE", `${base}/touchpoint-rules/${spare.id}`, editor()));
  });

  it("POST …/maps/{mapId}/metrics and POST …/maps/{mapId}/draft-from-data", async () => {
    const map = expectContract(
      MapCreatedSchema,
      await t.request("POST", `${base}/maps`, { ...editor(), body: { templateId: "ecommerce", locale: "en" } }),
      201,
    );
    expectContract(
      MapMetricsSchema,
      await t.request("POST", `${base}/maps/${map.map.id}/metrics`, {
        ...editor(),
        body: { filters: { channels: ["web"] } },
      }),
    );
    expectContract(
      MapWithSnapshotSchema,
      await t.request("POST", `${base}/maps/${map.map.id}/draft-from-data`, {
        ...editor(),
        body: { title: "From data" },
      }),
      201,
    );
  });
});
