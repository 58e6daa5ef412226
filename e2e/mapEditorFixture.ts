import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { loadConfig, startServer, type RunningServer } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";

/** A signed-in user of the test workspace, able to call the API as the browser would. */
export interface FixtureUser {
  id: string;
  name: string;
  cookie: string;
  csrfToken: string;
}

/** A running server with a workspace whose owner, second editor and viewer are signed in. */
export interface EditorFixture {
  server: RunningServer;
  workspaceId: string;
  owner: FixtureUser;
  editor: FixtureUser;
  viewer: FixtureUser;
  /** Calls the JSON API as `user`; throws with the server's answer on an error status. */
  api<T>(user: FixtureUser, method: string, path: string, body?: unknown): Promise<T>;
  /** Creates a map from a template (with the given personas) and returns its id. */
  createMap(input: {
    templateId?: string;
    personaIds?: string[];
    locale?: string;
    snapshot?: unknown;
  }): Promise<string>;
  /** A browser context signed in as `user`, in a language. */
  context(browser: Browser, user: FixtureUser, locale?: string): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts a real server on port 0 with a workspace of an owner, an editor and a viewer (invited through the API). */
export async function startEditorFixture(): Promise<EditorFixture> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-editor-e2e-"));
  const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
  const { db } = server.services;
  const make = async (name: string, email: string): Promise<FixtureUser> => {
    const user = await createUser(db, { email, name, password: "e2e password long" });
    const session = await createSession(db, user.id, 3600_000);
    return { id: user.id, name, cookie: session.cookie, csrfToken: session.csrfToken };
  };
  const owner = await make("Ayda Rahimi", "owner@example.test");
  const editor = await make("Boris Petrov", "editor@example.test");
  const viewer = await make("Chen Wei", "viewer@example.test");
  const workspace = await createWorkspace(db, { name: "Journeys", locale: "en", ownerId: owner.id });

  async function api<T>(user: FixtureUser, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(server.url + path, {
      method,
      headers: {
        cookie: `cjm_session=${user.cookie}`,
        "x-csrf-token": user.csrfToken,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  for (const [user, role, email] of [
    [editor, "editor", "editor@example.test"],
    [viewer, "viewer", "viewer@example.test"],
  ] as const) {
    const invitation = await api<{ token: string }>(owner, "POST", `/api/workspaces/${workspace.id}/invitations`, {
      email,
      role,
    });
    await api(user, "POST", "/api/invitations/accept", { token: invitation.token });
  }

  return {
    server,
    workspaceId: workspace.id,
    owner,
    editor,
    viewer,
    api,
    async createMap(input) {
      const body = input.snapshot
        ? { snapshot: input.snapshot }
        : {
            templateId: input.templateId ?? "awareness-to-advocacy",
            locale: input.locale ?? "en",
            personaIds: input.personaIds ?? [],
          };
      const created = await api<{ map: { id: string } }>(owner, "POST", `/api/workspaces/${workspace.id}/maps`, body);
      return created.map.id;
    },
    async context(browser, user, locale = "en-US") {
      const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: "cjm_session", value: user.cookie, url: server.url }]);
      return context;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `expect.poll` with room for a busy machine: the condition is retried until it holds, for up to 15 s (the default
 * second is too short when the browser, the server and other test files share two cores).
 */
export function eventually<T>(read: () => T | Promise<T>, timeout = 15_000): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout, interval: 50 });
}
