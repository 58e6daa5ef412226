import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMapFromTemplate } from "@opencjm/core";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";

/** Bodies no client should send: each must get a 4xx naming the problem, never a 500. */
const HOSTILE_BODIES: Array<[string, string | Uint8Array<ArrayBuffer>]> = [
  ["malformed JSON", "{not json"],
  ["truncated JSON", '{"name": "W'],
  ["empty body", ""],
  ["a JSON string", '"just a string"'],
  ["a JSON array", "[1,2,3]"],
  ["null", "null"],
  ["a huge number", '{"name": 1e400}'],
  ["a long integer", `{"name": ${"9".repeat(5000)}}`],
  ["deep nesting", `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`],
  ["deep arrays", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  [
    "invalid UTF-8",
    Uint8Array.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
  ],
  ["a lone surrogate", '{"name": "\\ud800"}'],
  ["a NUL character", '{"name": "a\\u0000b"}'],
  ["__proto__ keys", '{"__proto__": {"admin": true}, "name": "W"}'],
];

describe("hostile requests get a clear 4xx, never a 500", () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let mapId: string;

  beforeAll(async () => {
    t = await createTestApp("sqlite");
    ws = await buildWorkspace(t.services.db);
    mapId = (
      await t.services.maps.create({
        workspaceId: ws.id,
        createdBy: ws.users.owner.id,
        snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
      })
    ).id;
  });
  afterAll(() => t.dispose());

  const routes = () => [
    ["POST", "/api/workspaces"],
    ["PATCH", "/api/auth/me"],
    ["POST", "/api/auth/login"],
    ["POST", "/api/auth/signup"],
    ["POST", `/api/workspaces/${ws.id}/personas`],
    ["POST", `/api/workspaces/${ws.id}/maps/${mapId}/operations`],
    ["PATCH", `/api/workspaces/${ws.id}/maps/${mapId}/settings`],
    ["POST", `/api/workspaces/${ws.id}/maps/import/preview`],
    ["POST", `/api/workspaces/${ws.id}/touchpoint-rules/preview`],
  ];

  it("answers hostile JSON bodies on every kind of JSON route with a 4xx error naming the problem", async () => {
    const failures: string[] = [];
    for (const [method, path] of routes()) {
      for (const [name, body] of HOSTILE_BODIES) {
        const res = await t.app.request(path!, {
          method,
          headers: { ...ws.users.owner.headers, "content-type": "application/json" },
          body,
        });
        const json = (await res.json().catch(() => undefined)) as
          { error?: { code: string; message: string } } | undefined;
        if (res.status < 400 || res.status >= 500 || !json?.error?.code || !json.error.message)
          failures.push(`${method} ${path} with ${name}: ${res.status} ${JSON.stringify(json)}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await t.request("GET", "/api/health")).status).toBe(200);
  });

  it("answers wrong content types with a 4xx", async () => {
    const failures: string[] = [];
    for (const [method, path] of routes()) {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin1",
        "",
        "application/xml",
      ]) {
        const headers: Record<string, string> = { ...ws.users.owner.headers, "content-type": type };
        if (!type) delete headers["content-type"];
        const res = await t.app.request(path!, { method, headers, body: '{"name":"W"}' });
        if (res.status >= 500)
          failures.push(`${method} ${path} as ${type || "no type"}: ${res.status} ${await res.text()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers odd characters in path parameters and queries with a 4xx", async () => {
    const odd = [
      "%00",
      "%ff",
      "%",
      "..%2f..%2fetc%2fpasswd",
      "a%0d%0ab",
      "%e2%80%ae",
      "x".repeat(5000),
      "%ud800",
      "null",
      "__proto__",
      "constructor",
    ];
    const failures: string[] = [];
    for (const part of odd) {
      for (const path of [
        `/api/workspaces/${part}`,
        `/api/workspaces/${ws.id}/maps/${part}`,
        `/api/workspaces/${ws.id}/maps/${mapId}/export?format=${part}`,
        `/api/share/${part}`,
        `/api/tokens/${part}`,
        `/api/workspaces/${ws.id}/personas/${part}/photo`,
        `/api/workspaces/${ws.id}/identities/lookup?kind=email&value=${part}`,
      ]) {
        for (const method of ["GET", "DELETE"]) {
          const res = await t.app.request(path, { method, headers: ws.users.owner.headers });
          if (res.status >= 500)
            failures.push(`${method} ${path.slice(0, 120)}: ${res.status} ${(await res.text()).slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
