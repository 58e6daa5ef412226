import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../commands/sessionCreator.js";
import { createUser } from "../commands/userCreator.js";
import { createWorkspace } from "../commands/workspaceCreator.js";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { printRendererOf } from "./MapPrintRenderer.js";

// The export browser keeps its tab between exports and points it at the next print view (MapPrintRenderer.ts). What
// a user must never see from that: a map, a language, a page count or a card of an earlier export in a later one.

describe("exports printed one after another in the same browser tab", () => {
  let server: RunningServer;
  let dir: string;
  let headers: Record<string, string>;
  let workspaceId: string;
  const maps: Record<"harbour" | "orchard", { id: string; laneId: string; stepId: string }> = {} as never;

  /** Exports a PDF and returns its text and its number of pages. */
  const exportPdf = async (mapId: string, query: string): Promise<{ text: string; pages: number }> => {
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${mapId}/export?${query}`, { headers });
    expect(res.status).toBe(200);
    const file = join(dir, "export.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    return {
      text: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-print-tab-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, {
      email: "tab@example.test",
      name: "Tab",
      password: "print tab pw",
    });
    const session = await createSession(server.services.db, user.id, 3600_000);
    headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    workspaceId = (await createWorkspace(server.services.db, { name: "Tabs", locale: "en", ownerId: user.id })).id;
    for (const [key, title, templateId] of [
      ["harbour", "Harbour ferry booking", "ecommerce"],
      ["orchard", "Orchard subscription", "saas-onboarding"],
    ] as const) {
      const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps`, {
        method: "POST",
        headers,
        body: JSON.stringify({ templateId, locale: "en", title }),
      });
      expect(res.status).toBe(201);
      const { map, snapshot } = (await res.json()) as {
        map: { id: string };
        snapshot: { steps: Array<{ id: string }>; lanes: Array<{ id: string; type: string }> };
      };
      const lane = snapshot.lanes.find((l) => l.type === "actions")!;
      maps[key] = { id: map.id, laneId: lane.id, stepId: snapshot.steps[0]!.id };
    }
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints each map, language and edit of its own, all in one kept tab", async () => {
    const first = await exportPdf(maps.orchard.id, "format=pdf&paper=A3&orientation=landscape");
    expect(first.text).toContain("Orchard subscription");
    expect(first.pages).toBe(1);

    const second = await exportPdf(maps.harbour.id, "format=pdf&paper=A4&orientation=portrait&lang=ru");
    expect(second.text).toContain("Harbour ferry booking");
    expect(second.text).not.toContain("Orchard subscription");
    expect(second.pages).toBeGreaterThan(1);
    // This export's language, not the previous one's, and a layout made afresh for this map and paper: every page
    // labelled "Страница n из N" with N the pages this PDF really has.
    const labels = [...second.text.matchAll(/Страница (\d+) из (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(labels).toEqual(Array.from({ length: second.pages }, (_, i) => [i + 1, second.pages]));

    // An edit made after the first export of a map is in the next one: the view's data is never taken from an
    // earlier print.
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${maps.harbour.id}/operations`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        operations: [
          {
            op: "addCard",
            laneId: maps.harbour.laneId,
            stepId: maps.harbour.stepId,
            card: { kind: "action", text: "Compares ferry timetables" },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const third = await exportPdf(maps.harbour.id, "format=pdf&paper=A4&orientation=landscape&lang=en");
    expect(third.text).toContain("Compares ferry timetables");
    expect(third.text).not.toContain("Orchard subscription");
    expect(third.text).toContain(`Page 1 of ${third.pages}`);
    expect(third.text).not.toContain("Страница");

    const png = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${maps.orchard.id}/export?format=png`, {
      headers,
    });
    expect(png.status).toBe(200);
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    // Three PDFs and the PNG, all printed in one tab.
    expect(printRendererOf(server.services).tabsOpened).toBe(1);
  });
});
