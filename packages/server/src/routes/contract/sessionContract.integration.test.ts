import {
  ApiErrorBodySchema,
  CollabTicketSchema,
  ExampleWorkspaceSchema,
  OkResponseSchema,
  SessionSchema,
  UserSchema,
  WorkspaceInfoSchema,
} from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectContract } from "../../testing/expectContract.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";

// The account endpoints the web app calls, answered by the real app and read with the contract's schemas.
describe("the session endpoints answer as the wire contract says", () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("POST /api/auth/signup, GET /api/auth/session, PATCH /api/auth/me, POST /api/auth/logout and POST /api/auth/login", async () => {
    const body = { email: "ada@example.org", name: "Ada Contract", password: "a long and unusual passphrase 42" };
    const signup = await t.app.request("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const session = expectContract(SessionSchema, { status: signup.status, body: await signup.json() }, 201);
    const cookie = signup.headers.get("set-cookie")!.split(";")[0]!;
    headers = { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" };
    expectContract(SessionSchema, await t.request("GET", "/api/auth/session", { headers }));
    expectContract(UserSchema, await t.request("PATCH", "/api/auth/me", { headers, body: { locale: "fa" } }));
    expectContract(OkResponseSchema, await t.request("POST", "/api/auth/logout", { headers }));
    const login = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: body.email, password: body.password }),
    });
    const again = expectContract(SessionSchema, { status: login.status, body: await login.json() });
    headers = {
      cookie: login.headers.get("set-cookie")!.split(";")[0]!,
      "x-csrf-token": again.csrfToken,
      "content-type": "application/json",
    };
  });

  it("refuses a bad sign-up with the contract's error body, naming the field", async () => {
    const refused = expectContract(
      ApiErrorBodySchema,
      await t.request("POST", "/api/auth/signup", { body: { email: "not an e-mail", name: "X", password: "short" } }),
      400,
    );
    expect(refused.error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ["email", "invalid_format"],
      ["password", "too_small"],
    ]);
  });

  it("POST /api/workspaces, POST /api/workspaces/demo and GET /api/collab/ticket", async () => {
    expectContract(
      WorkspaceInfoSchema,
      await t.request("POST", "/api/workspaces", { headers, body: { name: "Contract", locale: "en" } }),
      201,
    );
    expectContract(ExampleWorkspaceSchema, await t.request("POST", "/api/workspaces/demo", { headers }), 201);
    expectContract(CollabTicketSchema, await t.request("GET", "/api/collab/ticket", { headers }));
  });

  it("GET /api/openapi.json names the contract's schemas, and every reference in it resolves", async () => {
    const doc = (await t.request("GET", "/api/openapi.json")).body as {
      components: { schemas: Record<string, unknown> };
    };
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining([
        "Error",
        "Session",
        "User",
        "Workspace",
        "MapSummary",
        "MapListItem",
        "ShareLink",
        "SharedMap",
        "ImportPreview",
        "TemplateSummary",
        "EventSource",
        "FilePreview",
        "Import",
        "ImportStarted",
        "SegmentSize",
        "DataFacets",
        "UnmatchedEvents",
        "CollabTicket",
      ]),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !names.includes(ref))).toEqual([]);
  });
});
