import { describe, expect, it } from "vitest";
import type { BuildManifest } from "./buildManifest.js";
import { withPreloadLinks } from "./cataloguePreload.js";
import { screenFiles } from "./screenPreloads.js";

// A build shaped like the web app's: the entry with a shared chunk, the app it imports once the first requests are on
// their way, the shell and the editor loaded on demand, the editor importing a chunk of its own and one the entry
// already loads.
const manifest: BuildManifest = {
  "index.html": { file: "assets/index-A1.js", imports: ["_query-Q1.js"], css: ["assets/index-A1.css"] },
  "_query-Q1.js": { file: "assets/query-Q1.js" },
  "src/app/startApp.tsx": { file: "assets/startApp-P1.js", imports: ["_app-X1.js", "_query-Q1.js"] },
  "_app-X1.js": { file: "assets/app-X1.js", css: ["assets/app-X1.css"] },
  "src/app/AppShell.tsx": { file: "assets/AppShell-S1.js", imports: ["_Menu-M1.js"], css: ["assets/AppShell-S1.css"] },
  "_Menu-M1.js": { file: "assets/Menu-M1.js", css: ["assets/Menu-M1.css"] },
  "src/features/mapEditor/MapEditorPage.tsx": {
    file: "assets/MapEditorPage-E1.js",
    imports: ["_query-Q1.js", "_Menu-M1.js", "_grid-G1.js"],
    css: ["assets/MapEditorPage-E1.css"],
  },
  "_grid-G1.js": { file: "assets/grid-G1.js", imports: ["_grid-G1.js"] },
  "src/features/home/HomePage.tsx": { file: "assets/HomePage-H1.js", imports: ["_Menu-M1.js"] },
  "src/features/auth/SignInPage.tsx": { file: "assets/../../etc/passwd.js" },
};

describe("the code a page starts downloading with its first answer", () => {
  it("names every script and style of the map editor and the shell at once, not those the page loads anyway", () => {
    const files = screenFiles(manifest, "/w/ws1/maps/map1");
    expect(files.scripts.sort()).toEqual([
      "AppShell-S1.js",
      "MapEditorPage-E1.js",
      "Menu-M1.js",
      "app-X1.js",
      "grid-G1.js",
      "startApp-P1.js",
    ]);
    expect(files.styles.sort()).toEqual(["AppShell-S1.css", "MapEditorPage-E1.css", "Menu-M1.css", "app-X1.css"]);
  });

  it("gives each route the app and its own screen, and nothing outside /assets", () => {
    const app = ["app-X1.js", "startApp-P1.js"];
    expect(screenFiles(manifest, "/w/ws1").scripts.sort()).toEqual([
      "AppShell-S1.js",
      "HomePage-H1.js",
      "Menu-M1.js",
      ...app,
    ]);
    expect(screenFiles(manifest, "/w/ws1/personas/p1").scripts.sort()).toEqual([
      "AppShell-S1.js",
      "Menu-M1.js",
      ...app,
    ]);
    const signIn = screenFiles(manifest, "/signin");
    expect([signIn.scripts.sort(), signIn.styles]).toEqual([app, ["app-X1.css"]]);
    expect(screenFiles(manifest, "/invite/abc").scripts.sort()).toEqual(app);
    expect(screenFiles({}, "/w/ws1/maps/map1")).toEqual({ scripts: [], styles: [] });
  });

  it("puts the links in the page's head, before the page's own end of head", () => {
    const html = "<html><head><title>OpenCJM</title></head><body></body></html>";
    const page = withPreloadLinks(html, { scripts: ["a-1.js"], styles: ["b-2.css"] });
    expect(page).toMatch(
      /<title>OpenCJM<\/title> {2}<link rel="modulepreload" crossorigin href="\/assets\/a-1\.js">\n {4}<link rel="preload" as="style" crossorigin href="\/assets\/b-2\.css">\n {2}<\/head><body>/,
    );
    expect(withPreloadLinks(html, { scripts: [], styles: [] })).toBe(html);
  });
});
