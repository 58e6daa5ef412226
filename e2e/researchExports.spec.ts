/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "./browser.js";
import { createDemoUser, openContext, startAppServer, type AppServer, type DemoUser } from "./pages/appServer.js";

const QUOTE = "I compared prices on three sites first.";
const EMAIL = "ana.secret@example.com";

// Each PDF starts (or reuses) the server's Chromium: slow on a busy machine.
describe.skipIf(!hasChromium())("the research appendix in a PDF and on a share page", { timeout: 180_000 }, () => {
  let app: AppServer;
  let user: DemoUser;
  let browser: Browser;
  let dir: string;
  let mapId: string;

  /** Calls the API as the demo user, with the session's CSRF token. */
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const cookie = `cjm_session=${user.cookie}`;
    const session = (await (await fetch(`${app.url}/api/auth/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": session.csrfToken, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const pdfText = async (query: string): Promise<string> => {
    const res = await fetch(`${app.url}/api/workspaces/${user.workspaceId}/maps/${mapId}/export?${query}`, {
      headers: { cookie: `cjm_session=${user.cookie}` },
    });
    expect([query, res.status]).toEqual([query, 200]);
    const file = join(dir, "research.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-research-pdf-"));
    app = await startAppServer();
    user = await createDemoUser(app, { email: "research-pdf@example.test", name: "Rhea Searcher" });
    mapId = user.mapIds[0]!;
    const step = (await app.server.services.maps.readSnapshot(mapId)).steps[0]!;
    const R = `/api/workspaces/${user.workspaceId}/research`;
    const study = await api<{ id: string }>("POST", `${R}/studies`, {
      title: "Shoe buyers",
      method: "interview",
      mapIds: [mapId],
    });
    const participant = await api<{ id: string }>("POST", `${R}/participants`, {
      studyId: study.id,
      code: "P01",
      personal: { name: "Ana Secretname", email: EMAIL, phone: "", notes: "" },
    });
    const note = await api<{ id: string }>("POST", `${R}/notes`, {
      studyId: study.id,
      participantId: participant.id,
      text: QUOTE,
    });
    await api("POST", `${R}/highlights`, {
      noteId: note.id,
      start: 0,
      end: QUOTE.length,
      sentiment: -0.5,
      tags: ["price"],
      anchors: [{ kind: "step", mapId, stepId: step.id }],
    });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a member's PDF ends with the research appendix only when they ask for it, participants by code", async () => {
    const asked = await pdfText("format=pdf&paper=A4&orientation=landscape&research=true");
    expect(asked).toContain("Research by step");
    expect(asked).toContain("Research quotes");
    expect(asked).toContain(QUOTE);
    expect(asked).toContain("P01");
    expect(asked).not.toContain(EMAIL);
    const plain = await pdfText("format=pdf&paper=A4&orientation=landscape");
    expect(plain).not.toContain("Research by step");
    expect(plain).not.toContain(QUOTE);
  });

  it("a share page shows the research appendix only when its sharer included it", async () => {
    const links = `/api/workspaces/${user.workspaceId}/maps/${mapId}/share-links`;
    const plain = await api<{ url: string }>("POST", links, { label: "Agency" });
    const withResearch = await api<{ url: string }>("POST", links, { label: "Board", includeResearch: true });
    const context = await openContext(browser, app);
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}${withResearch.url}`);
      const appendix = page.getByTestId("shared-research");
      await appendix.locator("summary").click();
      await expect.poll(() => appendix.textContent(), { timeout: 10_000 }).toContain(QUOTE);
      expect(await appendix.textContent()).not.toContain(EMAIL);
      // The reader switches to Russian: the research tables follow, worded by the server in their language.
      await page.getByTestId("language").selectOption("ru");
      await expect.poll(() => appendix.textContent(), { timeout: 10_000 }).toContain("Исследование по шагам");
      expect(await appendix.textContent()).toContain(QUOTE);

      await page.goto(`${app.url}${plain.url}`);
      await page.getByTestId("shared-map").waitFor();
      expect(await page.getByTestId("shared-research").count()).toBe(0);
      expect(await page.content()).not.toContain(QUOTE);
    } finally {
      await context.close();
    }
  });
});
