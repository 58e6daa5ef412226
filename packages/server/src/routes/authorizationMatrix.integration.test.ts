import { ROLES, type Role } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShareLink } from "../commands/shareLinkCreator.js";
import { setMemberRole } from "../commands/workspaceCreator.js";
import { createWorkspace } from "../commands/workspaceCreator.js";
import { buildTokenHeaders, buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import type { AuthorizationCase as Case } from "../testing/authorizationCase.js";
import { commentsAuthorizationCases } from "./comments/commentsAuthorizationCases.js";
import { ideasAuthorizationCases } from "./ideas/ideasAuthorizationCases.js";
import { researchAuthorizationCases } from "./research/researchAuthorizationCases.js";
import { surveyAuthorizationCases } from "./research/surveyAuthorizationCases.js";
import { driftAuthorizationCases } from "./drift/driftAuthorizationCases.js";
import { kpisAuthorizationCases } from "./kpis/kpisAuthorizationCases.js";
import { historyAuthorizationCases } from "./history/historyAuthorizationCases.js";
import { activityAuthorizationCases } from "./activity/activityAuthorizationCases.js";
import { customerTimelineAuthorizationCases } from "./customerTimeline/customerTimelineAuthorizationCases.js";
import { draftAuthorizationCases } from "./customerData/draftAuthorizationCases.js";
import { customerDataAuthorizationCases } from "./customerData/customerDataAuthorizationCases.js";
import { fresh } from "../testing/authorizationFixtures.js";
import { catalogueAuthorizationCases } from "./personas/catalogueAuthorizationCases.js";

type Actor = Role | "outsider" | "anonymous" | "readToken" | "writeToken" | "scopedToken";
/** `scopedToken` is a write token limited to the editor's own workspace. */
const ACTORS: Actor[] = [...ROLES, "outsider", "anonymous", "readToken", "writeToken", "scopedToken"];

const W = "/api/workspaces";
const workspaceCases: Record<string, Case> = {
  "get /api/workspaces/{workspaceId}": { permission: "read", build: async (_t, ws) => ({ path: `${W}/${ws.id}` }) },
  "patch /api/workspaces/{workspaceId}": {
    permission: "manage",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}`, body: { name: "Renamed" } }),
  },
  "delete /api/workspaces/{workspaceId}": {
    permission: "manage",
    otherWorkspace: true,
    // A throwaway workspace with the same members, so deleting it leaves the others intact.
    build: async (t, ws) => {
      const copy = await createWorkspace(t.services.db, {
        name: "Throwaway",
        locale: "en",
        ownerId: ws.users.owner.id,
      });
      for (const role of ROLES)
        if (role !== "owner") await setMemberRole(t.services.db, copy.id, ws.users[role].id, role);
      return { path: `${W}/${copy.id}` };
    },
  },
  "get /api/workspaces/{workspaceId}/members": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/members` }),
  },
  "patch /api/workspaces/{workspaceId}/members/{userId}": {
    permission: "manage",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/members/${(await fresh.member(t, ws)).id}`,
      body: { role: "commenter" },
    }),
  },
  "delete /api/workspaces/{workspaceId}/members/{userId}": {
    permission: "manage",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/members/${(await fresh.member(t, ws)).id}` }),
  },
  "post /api/workspaces/{workspaceId}/ownership": {
    permission: "manage",
    otherWorkspace: true,
    // A throwaway workspace with the same members, so the owner stepping down there leaves the others intact.
    build: async (t, ws) => {
      const copy = await createWorkspace(t.services.db, {
        name: "Handed over",
        locale: "en",
        ownerId: ws.users.owner.id,
      });
      for (const role of ROLES)
        if (role !== "owner") await setMemberRole(t.services.db, copy.id, ws.users[role].id, role);
      return { path: `${W}/${copy.id}/ownership`, body: { userId: ws.users.viewer.id } };
    },
  },
  "post /api/workspaces/{workspaceId}/invitations": {
    permission: "manage",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/invitations`,
      body: { email: "someone@example.com", role: "viewer" },
    }),
  },
  "get /api/workspaces/{workspaceId}/invitations": {
    permission: "manage",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/invitations` }),
  },
  "delete /api/workspaces/{workspaceId}/invitations/{invitationId}": {
    permission: "manage",
    build: async (t, ws) => {
      const id = `inv_${Math.random().toString(36).slice(2)}`;
      const now = new Date();
      await t.services.db.kysely
        .insertInto("invitations")
        .values({
          id,
          workspace_id: ws.id,
          email: "x@example.com",
          role: "viewer",
          token_hash: id,
          invited_by: ws.users.owner.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 1e8).toISOString(),
          accepted_at: null,
        })
        .execute();
      return { path: `${W}/${ws.id}/invitations/${id}` };
    },
  },
  "get /api/workspaces/{workspaceId}/maps": {
    permission: "read",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/maps` }),
  },
  "post /api/workspaces/{workspaceId}/maps": {
    permission: "write",
    build: async (_t, ws) => ({ path: `${W}/${ws.id}/maps`, body: { templateId: "aida-retention", locale: "ru" } }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}` }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/state": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/state` }),
  },
  "patch /api/workspaces/{workspaceId}/maps/{mapId}/settings": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/settings`,
      body: { status: "published" },
    }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/operations": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/operations`,
      body: { operations: [{ op: "addStage", name: "Loyalty" }] },
    }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/future-state": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/future-state`, body: {} }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/export": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/export?format=json` }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/export/prepare": {
    permission: "read",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/export/prepare`, body: {} }),
  },
  "post /api/workspaces/{workspaceId}/maps/import/preview": {
    permission: "write",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/maps/import/preview`,
      body: { name: "day.mmd", content: "journey\n  section Morning\n    Make tea: 5: Me\n" },
    }),
  },
  "post /api/workspaces/{workspaceId}/maps/import": {
    permission: "write",
    build: async (_t, ws) => ({
      path: `${W}/${ws.id}/maps/import`,
      body: { name: "day.mmd", content: "journey\n  section Morning\n    Make tea: 5: Me\n" },
    }),
  },
  "post /api/workspaces/{workspaceId}/maps/{mapId}/share-links": {
    permission: "write",
    build: async (t, ws) => ({
      path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/share-links`,
      body: { label: "Board" },
    }),
  },
  "get /api/workspaces/{workspaceId}/maps/{mapId}/share-links": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}/share-links` }),
  },
  "delete /api/workspaces/{workspaceId}/maps/{mapId}/share-links/{linkId}": {
    permission: "write",
    build: async (t, ws) => {
      const map = await fresh.map(t, ws);
      const { link } = await createShareLink(t.services.db, {
        workspaceId: ws.id,
        mapId: map.id,
        userId: ws.users.owner.id,
      });
      return { path: `${W}/${ws.id}/maps/${map.id}/share-links/${link.id}` };
    },
  },
  "delete /api/workspaces/{workspaceId}/maps/{mapId}": {
    permission: "write",
    build: async (t, ws) => ({ path: `${W}/${ws.id}/maps/${(await fresh.map(t, ws)).id}` }),
  },
};

// Each feature's endpoints live beside its routes (routes/<area>/<area>AuthorizationCases.ts); add yours here.
const cases: Record<string, Case> = {
  ...workspaceCases,
  ...commentsAuthorizationCases,
  ...ideasAuthorizationCases,
  ...researchAuthorizationCases,
  ...surveyAuthorizationCases,
  ...kpisAuthorizationCases,
  ...driftAuthorizationCases,
  ...historyAuthorizationCases,
  ...activityAuthorizationCases,
  ...customerTimelineAuthorizationCases,
  ...draftAuthorizationCases,
  ...customerDataAuthorizationCases,
  ...catalogueAuthorizationCases,
};

/** Endpoints outside a workspace: who may call them is covered here by caller kind. */
const accountEndpoints: Record<string, "public" | "signedIn" | "accountWriter" | "sessionOnly"> = {
  "post /api/auth/signup": "public",
  "post /api/auth/login": "public",
  "post /api/auth/logout": "public",
  "get /api/auth/session": "sessionOnly",
  "patch /api/auth/me": "accountWriter",
  "post /api/auth/password": "sessionOnly",
  "post /api/tokens": "sessionOnly",
  "get /api/tokens": "sessionOnly",
  "delete /api/tokens/{tokenId}": "sessionOnly",
  "post /api/workspaces": "accountWriter",
  "get /api/workspaces": "signedIn",
  "post /api/workspaces/demo": "sessionOnly",
  "post /api/invitations/accept": "sessionOnly",
  "get /api/collab/ticket": "sessionOnly",
  "get /api/templates": "signedIn",
  "get /api/templates/{templateId}": "signedIn",
  "get /api/share/{token}": "public",
  "get /api/schemas/map-v2.json": "public",
  "get /api/notifications": "sessionOnly",
  "get /api/notifications/unread-count": "sessionOnly",
  "post /api/notifications/{notificationId}/read": "sessionOnly",
  "post /api/notifications/read-all": "sessionOnly",
  "get /api/notifications/settings": "sessionOnly",
  "patch /api/notifications/settings": "sessionOnly",
};

function expected(actor: Actor, inOwnWorkspace: boolean, c: Case): number {
  if (actor === "anonymous") return 401;
  if (!inOwnWorkspace || actor === "outsider" || (actor === "scopedToken" && c.otherWorkspace)) return 404;
  const isToken = actor === "readToken" || actor === "writeToken" || actor === "scopedToken";
  const role: Role = isToken ? "editor" : actor;
  if (c.sessionOnly && isToken) return 403;
  if (actor === "readToken" && c.permission !== "read" && !c.readTokenAllowed) return 403;
  const allowed = {
    owner: ["read", "comment", "write", "manage"],
    editor: ["read", "comment", "write"],
    commenter: ["read", "comment"],
    viewer: ["read"],
  }[role];
  return allowed.includes(c.permission) ? (c.okStatus ?? 200) : 403;
}

describe.each(testDialects)("authorization matrix on %s", (dialect) => {
  let t: TestApp;
  let own: TestWorkspace;
  let other: TestWorkspace;
  const headers = {} as Record<Actor, Record<string, string>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    own = await buildWorkspace(t.services.db);
    other = await buildWorkspace(t.services.db);
    for (const role of ROLES) headers[role] = own.users[role].headers;
    headers.outsider = own.outsider.headers;
    headers.anonymous = { "content-type": "application/json" };
    headers.readToken = await buildTokenHeaders(t.services.db, own.users.editor.id, "read");
    headers.writeToken = await buildTokenHeaders(t.services.db, own.users.editor.id, "write");
    headers.scopedToken = await buildTokenHeaders(t.services.db, own.users.editor.id, "write", own.id);
  });
  afterAll(() => t.dispose());

  it("covers every endpoint of the OpenAPI document", async () => {
    const doc = await t.request("GET", "/api/openapi.json");
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`),
    );
    const covered = new Set([...Object.keys(cases), ...Object.keys(accountEndpoints)]);
    expect(documented.filter((e) => !covered.has(e))).toEqual([]);
    expect([...covered].filter((e) => !documented.includes(e))).toEqual([]);
  });

  for (const [endpoint, c] of Object.entries(cases)) {
    it(`${endpoint}: every role in its own and in another workspace`, async () => {
      const method = endpoint.split(" ")[0]!.toUpperCase();
      const results: string[] = [];
      const wanted: string[] = [];
      for (const actor of ACTORS) {
        for (const inOwn of [true, false]) {
          const { path, body, raw } = await c.build(t, inOwn ? own : other, actor);
          const res = raw
            ? await t.app.request(path, {
                method,
                headers: { ...headers[actor], "content-type": raw.contentType },
                body: raw.bytes,
              })
            : await t.request(method, path, { headers: headers[actor], body });
          const status = res.status >= 200 && res.status < 300 ? 200 : res.status;
          results.push(`${actor}/${inOwn ? "own" : "other"}: ${status}`);
          wanted.push(`${actor}/${inOwn ? "own" : "other"}: ${expected(actor, inOwn, c)}`);
        }
      }
      expect(results).toEqual(wanted);
    });
  }

  it("account endpoints: anonymous callers get 401 where a login is needed, tokens 403 where a person is needed", async () => {
    for (const [endpoint, kind] of Object.entries(accountEndpoints)) {
      const [method, rawPath] = endpoint.split(" ") as [string, string];
      const path = rawPath
        .replace("{tokenId}", "tok_x")
        .replace("{notificationId}", "ntf_x")
        .replace("{templateId}", "ecommerce");
      const anonymous = await t.request(method.toUpperCase(), path, { body: method === "get" ? undefined : {} });
      if (kind !== "public") expect([endpoint, anonymous.status]).toEqual([endpoint, 401]);
      if (kind === "sessionOnly" || kind === "accountWriter") {
        for (const actor of ["readToken", "scopedToken"] as const) {
          const token = await t.request(method.toUpperCase(), path, {
            headers: headers[actor],
            body: method === "get" ? undefined : {},
          });
          expect([endpoint, actor, token.status]).toEqual([
            endpoint,
            actor,
            expect.toSatisfy((s: number) => s === 403 || s === 400),
          ]);
        }
      }
      if (kind === "sessionOnly") {
        const token = await t.request(method.toUpperCase(), path, {
          headers: headers.writeToken,
          body: method === "get" ? undefined : {},
        });
        expect([endpoint, token.status]).toEqual([endpoint, expect.toSatisfy((s: number) => s === 403 || s === 400)]);
      }
    }
  });

  it("read-only and workspace-scoped tokens cannot rename their person, create workspaces or leave a workspace; nothing changes", async () => {
    const user = own.users.commenter;
    const read = await buildTokenHeaders(t.services.db, user.id, "read");
    const scoped = await buildTokenHeaders(t.services.db, user.id, "write", own.id);
    const before = {
      user: await t.services.db.kysely
        .selectFrom("users")
        .select(["name", "locale"])
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow(),
      workspaces: (await t.request("GET", "/api/workspaces", { headers: user.headers })).body,
    };
    for (const [name, tokenHeaders] of [
      ["read", read],
      ["scoped", scoped],
    ] as const) {
      const rename = await t.request("PATCH", "/api/auth/me", {
        headers: tokenHeaders,
        body: { name: "Renamed by a token" },
      });
      const create = await t.request("POST", "/api/workspaces", {
        headers: tokenHeaders,
        body: { name: "Made by a token" },
      });
      expect([name, rename.status, rename.body.error?.code, create.status, create.body.error?.code]).toEqual([
        name,
        403,
        "forbidden",
        403,
        "forbidden",
      ]);
      expect(create.body.error?.message).toMatch(name === "read" ? /read-only/ : /limited to one workspace/);
    }
    const leave = await t.request("DELETE", `${W}/${own.id}/members/${user.id}`, { headers: read });
    expect([leave.status, leave.body.error?.message]).toEqual([403, "this API token is read-only"]);
    const after = {
      user: await t.services.db.kysely
        .selectFrom("users")
        .select(["name", "locale"])
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow(),
      workspaces: (await t.request("GET", "/api/workspaces", { headers: user.headers })).body,
    };
    expect(after).toEqual(before);
    // An account-wide write token still may (it acts for its person like a session does).
    const write = await buildTokenHeaders(t.services.db, user.id, "write");
    expect((await t.request("PATCH", "/api/auth/me", { headers: write, body: { locale: "ru" } })).status).toBe(200);
  });
});
