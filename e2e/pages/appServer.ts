import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zlib from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadConfig, startServer, type RunningServer } from "@opencjm/server";
import { createSession, createUser, seedDemoWorkspace } from "@opencjm/server/testing";

/** How long `expect.poll` waits for a condition: pages load slower while other tests share the two cores. */
export const until = { timeout: 15_000, interval: 50 };

/** Text that looks like a catalogue key (`namespace.key`) leaked onto the screen. */
export const RAW_KEY =
  /\b(common|shell|auth|home|personas|templates|editor|cells|compare|exchange|evidence|members)\.[a-zA-Z]+/;

/** A real PNG of the given size, drawn in plain colours (for photo uploads). */
export function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real server on port 0 over a fresh data directory. */
export interface AppServer {
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/** Starts the app (API, built web app, collaboration) on a free port with its own SQLite file. */
export async function startAppServer(): Promise<AppServer> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-e2e-"));
  const server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
  return {
    server,
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user with the demo workspace (four maps, three personas) and a session cookie. */
export interface DemoUser {
  userId: string;
  cookie: string;
  workspaceId: string;
  mapIds: string[];
}

/** Creates a user in a language, seeds the demo workspace for them and signs them in. */
export async function createDemoUser(
  app: AppServer,
  input: { email: string; name: string; locale?: "en" | "zh-Hant" | "zh-Hans" | "ru" | "fa" },
): Promise<DemoUser> {
  const { services } = app.server;
  const user = await createUser(services.db, {
    email: input.email,
    name: input.name,
    password: "e2e password long",
    locale: input.locale ?? "en",
  });
  const { workspaceId, mapIds } = await seedDemoWorkspace(services, user.id);
  const cookie = (await createSession(services.db, user.id, 3600_000)).cookie;
  return { userId: user.id, cookie, workspaceId, mapIds };
}

/** A browser context in a language, signed in with a session cookie when one is given. */
export async function openContext(
  browser: Browser,
  app: AppServer,
  options: { locale?: string; cookie?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    viewport: { width: 1366, height: 900 },
  });
  if (options.cookie) await context.addCookies([{ name: "cjm_session", value: options.cookie, url: app.url }]);
  // An action that cannot find its element fails with the locator's name well before the test's own timeout.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Calls the JSON API as the signed-in user of this page (the session cookie and its CSRF token). */
export async function apiAs<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get(`${new URL(page.url()).origin}/api/auth/session`)).json()) as {
    csrfToken: string;
  };
  const res = await page.request.fetch(`${new URL(page.url()).origin}${path}`, {
    method,
    headers: { "x-csrf-token": session.csrfToken, "content-type": "application/json" },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
