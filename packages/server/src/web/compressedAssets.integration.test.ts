import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../startServer.js";

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over plain node:http, which (unlike fetch) hands back the body exactly as it came over the wire. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

describe("the web app's files over the wire", () => {
  let dir: string;
  let server: RunningServer;
  let script: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-compressed-assets-"));
    server = await startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));
    const html = (await get(`${server.url}/`)).body.toString("utf8");
    // The chunk of the code every page runs (web vite.config.ts); the entry script itself is a few hundred bytes.
    script = /<link rel="modulepreload" crossorigin href="(\/assets\/app-[\w-]+\.js)">/.exec(html)![1]!;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends the app's script as brotli or gzip to a browser that takes it, the same bytes once decoded", async () => {
    const plain = await get(`${server.url}${script}`);
    expect([plain.status, plain.headers["content-encoding"], plain.headers.vary]).toEqual([
      200,
      undefined,
      "accept-encoding",
    ]);
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);

    const br = await get(`${server.url}${script}`, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect([br.status, br.headers["content-encoding"], br.headers.vary, br.headers["cache-control"]]).toEqual([
      200,
      "br",
      "accept-encoding",
      "public, max-age=31536000, immutable",
    ]);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await get(`${server.url}${script}`, { "accept-encoding": "br;q=0, gzip" });
    expect([gzip.headers["content-encoding"], gzip.headers["content-type"]]).toEqual([
      "gzip",
      "text/javascript; charset=utf-8",
    ]);
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it("sends the plain file to a client that takes no coding we keep", async () => {
    for (const acceptEncoding of ["identity", "deflate", "gzip;q=0, br;q=0", "zstd"]) {
      const res = await get(`${server.url}${script}`, { "accept-encoding": acceptEncoding });
      expect([acceptEncoding, res.status, res.headers["content-encoding"]]).toEqual([acceptEncoding, 200, undefined]);
      expect(res.body.toString("utf8")).toContain("import");
    }
  });

  it("compresses the API's JSON for a client that takes gzip, and sends it plain to one that does not", async () => {
    const plain = await get(`${server.url}/api/openapi.json`);
    expect([plain.status, plain.headers["content-encoding"]]).toEqual([200, undefined]);
    const gzip = await get(`${server.url}/api/openapi.json`, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect([gzip.status, gzip.headers["content-encoding"], gzip.headers.vary]).toEqual([
      200,
      "gzip",
      "Accept-Encoding",
    ]);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
  });

  it("preloads the catalogue of the language the page will show, and never caches the page itself", async () => {
    const preloaded = async (headers: Record<string, string>) => {
      const page = await get(`${server.url}/w/abc/maps/xyz`, headers);
      expect([page.status, page.headers["cache-control"]]).toEqual([200, "no-cache"]);
      return /<link rel="modulepreload" crossorigin href="\/assets\/(messages\.(?:en|ru|fa|zh-Hans|zh-Hant))-[\w-]+\.js">/.exec(
        page.body.toString("utf8"),
      )?.[1];
    };
    expect(await preloaded({})).toBe("messages.en");
    expect(await preloaded({ "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" })).toBe("messages.ru");
    // The language the app last showed in this browser wins over the browser's list.
    expect(await preloaded({ "accept-language": "ru", cookie: "cjm_locale=fa" })).toBe("messages.fa");
    expect(await preloaded({ "accept-language": "zh-TW", cookie: "cjm_locale=../../etc/passwd" })).toBe(
      "messages.zh-Hant",
    );
  });

  it("names the map editor's code in the editor's page, so it downloads with the entry instead of after it", async () => {
    const links = async (path: string) => {
      const html = (await get(`${server.url}${path}`)).body.toString("utf8");
      return [
        ...html.matchAll(/<link rel="(modulepreload|preload" as="style)" crossorigin href="(\/assets\/[^"]+)">/g),
      ].map((m) => m[2]!);
    };
    const editor = await links("/w/abc/maps/xyz");
    expect(editor.some((href) => /\/MapEditorPage-[\w-]+\.js$/.test(href))).toBe(true);
    expect(editor.some((href) => /\/mapEditor-[\w-]+\.css$/.test(href))).toBe(true);
    expect(editor.some((href) => /\/AppShell-[\w-]+\.js$/.test(href))).toBe(true);
    // Each named file is served, cached for good; a page that is not the editor does not fetch the editor's code.
    for (const href of editor) {
      const res = await get(`${server.url}${href}`, { "accept-encoding": "br" });
      expect([href, res.status, res.headers["cache-control"]]).toEqual([
        href,
        200,
        "public, max-age=31536000, immutable",
      ]);
    }
    expect((await links("/signin")).some((href) => href.includes("MapEditorPage"))).toBe(false);
  });

  it("starts the map editor's page with a handful of scripts, the catalogue among them, and none of them signed out", async () => {
    const scripts = async (path: string) => {
      const html = (await get(`${server.url}${path}`)).body.toString("utf8");
      return new Set(
        [
          ...html.matchAll(
            /<(?:script type="module"|link rel="modulepreload") crossorigin (?:src|href)="([^"]+\.js)">/g,
          ),
        ].map((m) => m[1]!),
      );
    };
    // Everything the editor's page runs before the map shows: the entry and the little it needs to start the first
    // requests, the app, the shell, the editor and the language's catalogue. The bundler left alone made 45 (issue 19);
    // the build groups them (web vite.config.ts).
    const editor = await scripts("/w/abc/maps/xyz");
    expect(editor.size).toBeLessThanOrEqual(11);
    expect([...editor].some((href) => /\/startApp-[\w-]+\.js$/.test(href))).toBe(true);
    expect([...editor].some((href) => /\/messages\.en-[\w-]+\.js$/.test(href))).toBe(true);
    // The chunks grouped for the map route stay off the sign-in page.
    const signIn = await scripts("/signin");
    expect([...signIn].filter((href) => /\/(?:screens|mapEditor)-[\w-]+\.js$/.test(href))).toEqual([]);
  });
});
