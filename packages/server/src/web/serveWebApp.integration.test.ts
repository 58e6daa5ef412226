import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/testApp.js";

describe("web app", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite");
  });
  afterAll(() => t.dispose());

  it("serves the app page for every app route, and the scripts it loads", async () => {
    for (const path of ["/", "/signin", "/w/abc/maps/xyz", "/share/token123", "/print/token123", "/invite/token123"]) {
      const page = await t.app.request(path);
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    }
    const html = await (await t.app.request("/")).text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await t.app.request(script!);
    expect([res.status, res.headers.get("content-type"), res.headers.get("cache-control")]).toEqual([
      200,
      "text/javascript; charset=utf-8",
      "public, max-age=31536000, immutable",
    ]);
  });

  it("has a map editor's page preload the map itself, and no other page, nor a path that is not an id", async () => {
    const preloads = async (path: string) =>
      [
        ...(await (await t.app.request(path)).text()).matchAll(
          /<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g,
        ),
      ].map((m) => m[1]!);
    const maps = (await preloads("/w/ws_1/maps/map_2")).filter((address) => address.includes("/maps/"));
    expect(maps).toEqual(["/api/workspaces/ws_1/maps/map_2/state"]);
    expect(await preloads("/w/ws_1/maps/map_2/")).toContain("/api/workspaces/ws_1/maps/map_2/state");
    for (const path of ["/", "/w/ws_1", "/w/ws_1/maps", "/share/token123", "/w/ws_1/maps/map_2/paths"])
      expect([path, (await preloads(path)).filter((address) => address.includes("/state"))]).toEqual([path, []]);
    // The path is the visitor's: anything but an id stays out of the page.
    const hostile = "/w/ws_1/maps/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    expect(await preloads(hostile)).toEqual(["/api/auth/session"]);
    expect(await (await t.app.request(hostile)).text()).not.toContain("<script>alert(1)");
  });

  it("serves nothing outside its own built files", async () => {
    for (const path of [
      "/assets/..%2F..%2Fpackage.json",
      "/assets/secret.txt",
      "/assets/../index.html",
      "/package.json",
      "/node_modules/react/index.js",
    ]) {
      expect([path, (await t.app.request(path)).status]).toEqual([path, 404]);
    }
  });
});
