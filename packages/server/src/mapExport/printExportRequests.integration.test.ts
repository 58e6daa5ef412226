import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../commands/sessionCreator.js";
import { createUser } from "../commands/userCreator.js";
import { createWorkspace } from "../commands/workspaceCreator.js";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";
import { exportQueueOf } from "./ExportQueue.js";
import { MapPrintRenderer } from "./MapPrintRenderer.js";
import { PICTURE_CAPTIONS, PICTURE_ELSEWHERE, UPLOADED_PICTURE } from "./pictureExportFixture.js";

/** A plain HTTP server on loopback that answers `respond` and remembers every path asked for. */
async function recordingServer(
  respond: (path: string) => { type: string; body: string },
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const { type, body } = respond(req.url ?? "");
    res.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A print page whose pictures point everywhere; it says it is ready once each has loaded or failed. */
function hostilePrintPage(others: string[]): string {
  const images = others.map((src) => `<img src="${src}">`).join("");
  const ready = `Promise.all([...document.images].map((i) => i.complete ? 0 : new Promise((r) => { i.onload = i.onerror = r; })))
    .then(() => fetch("/api/share/tok_print")).then(() => { document.documentElement.dataset.printReady = "true"; });`;
  return `<!doctype html><html><body>${images}<script src="/assets/app.js"></script><script>${ready}</script></body></html>`;
}

describe("what the export browser may fetch while it prints", () => {
  it("refuses the app's own API, other print and share pages and every other host, and loads the print view, its files and its share link", async () => {
    const elsewhere = await recordingServer(() => ({ type: "image/png", body: "" }));
    const app = await recordingServer((path) =>
      path.startsWith("/print/")
        ? { type: "text/html", body: hostilePrintPage(targets) }
        : {
            type: path.endsWith(".js") ? "text/javascript" : "application/json",
            body: path.endsWith(".js") ? "" : "{}",
          },
    );
    const targets = [
      "/api/workspaces/ws_1/maps/map_1/export?format=png",
      `${app.url}/api/workspaces/ws_1/maps/map_1/export?format=pdf`,
      "/print/tok_other",
      "/share/tok_print",
      "/collab",
      `${elsewhere.url}/picture.png`,
      `${elsewhere.url.replace("127.0.0.1", "localhost")}/picture.png`,
    ];
    const renderer = new MapPrintRenderer();
    try {
      const pdf = await renderer.render({
        url: `${app.url}/print/tok_print?lang=en`,
        format: "pdf",
        paper: "A4",
        orientation: "landscape",
      });
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
      expect([...app.hits].sort()).toEqual(["/api/share/tok_print", "/assets/app.js", "/print/tok_print?lang=en"]);
      expect(elsewhere.hits).toEqual([]);
    } finally {
      await renderer.close();
      await app.close();
      await elsewhere.close();
    }
  });
});

describe("exporting a map whose image card points at the map's own export", () => {
  let server: RunningServer;
  let dir: string;
  let headers: Record<string, string>;
  let exportUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-self-export-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const user = await createUser(server.services.db, {
      email: "self@example.test",
      name: "Self",
      password: "self export password",
    });
    const session = await createSession(server.services.db, user.id, 3600_000);
    headers = {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    };
    const workspaceId = (await createWorkspace(server.services.db, { name: "Self", locale: "en", ownerId: user.id }))
      .id;
    const created = await (
      await fetch(`${server.url}/api/workspaces/${workspaceId}/maps`, {
        method: "POST",
        headers,
        body: JSON.stringify({ templateId: "ecommerce", locale: "en", title: "Mirror" }),
      })
    ).json();
    const { map, snapshot } = created as { map: { id: string }; snapshot: { steps: Array<{ id: string }> } };
    exportUrl = `/api/workspaces/${workspaceId}/maps/${map.id}/export`;
    const [first, second, third, fourth] = snapshot.steps;
    const operations = [
      { op: "addLane", id: "lane_mirror", type: "images", name: "Mirror" },
      {
        op: "addCard",
        laneId: "lane_mirror",
        stepId: first!.id,
        card: { kind: "image", url: `${server.url}${exportUrl}?format=png`, alt: "" },
      },
      {
        op: "addCard",
        laneId: "lane_mirror",
        stepId: second!.id,
        card: { kind: "image", url: `${exportUrl}?format=pdf`, alt: "" },
      },
      // The two pictures a card may hold: one uploaded into it and one on another site.
      {
        op: "addCard",
        laneId: "lane_mirror",
        stepId: third!.id,
        card: { kind: "image", url: UPLOADED_PICTURE, alt: PICTURE_CAPTIONS.uploaded },
      },
      {
        op: "addCard",
        laneId: "lane_mirror",
        stepId: fourth!.id,
        card: { kind: "image", url: PICTURE_ELSEWHERE, alt: PICTURE_CAPTIONS.elsewhere },
      },
    ];
    const res = await fetch(`${server.url}/api/workspaces/${workspaceId}/maps/${map.id}/operations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ operations }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints placeholders for those pictures and starts no second export", async () => {
    const res = await fetch(`${server.url}${exportUrl}?format=pdf`, { headers });
    expect(res.status).toBe(200);
    const file = join(dir, "mirror.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text.match(/This picture cannot be shown/g)).toHaveLength(2);
    expect(exportQueueOf(server.services).started).toBe(1);
  });

  it("prints an uploaded picture as a picture, and says in the reader's language which site's picture it left out", async () => {
    const res = await fetch(`${server.url}${exportUrl}?format=pdf&lang=ru`, { headers });
    expect(res.status).toBe(200);
    const file = join(dir, "pictures-ru.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Изображение с pictures.example.test здесь не показано");
    expect(text).toContain(PICTURE_CAPTIONS.elsewhere);
    expect(text).toContain(PICTURE_CAPTIONS.uploaded);
    // pdfimages lists the raster images in the PDF (page, number, type, width, height, …): the 48 × 32 upload.
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length > 4)
      .map((cols) => `${cols[3]}x${cols[4]}`);
    expect(images).toContain("48x32");
  });
});
