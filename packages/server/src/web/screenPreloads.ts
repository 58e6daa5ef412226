import { assetName, type BuildManifest } from "./buildManifest.js";

const SHELL = "src/app/AppShell.tsx";
/** The app itself, which the entry imports only after starting the page's first requests (web src/main.tsx). */
const START = "src/app/startApp.tsx";

/**
 * The screens each app route shows first (source modules of the web build), as the app's own `preloadScreen` (web
 * src/app/App.tsx) picks them. A route missing here still works: its code then loads once the app's entry has run.
 */
const ROUTE_SCREENS: Array<[RegExp, string[]]> = [
  [/^\/w\/[^/]+\/maps\/[^/]+\/?$/, [SHELL, "src/features/mapEditor/MapEditorPage.tsx"]],
  [/^\/w\/[^/]+\/?$/, [SHELL, "src/features/home/HomePage.tsx"]],
  [/^\/w\//, [SHELL]],
  [/^\/(?:share|embed|print)\//, ["src/features/mapEditor/SharedMapPage.tsx"]],
  [/^\/signin$/, ["src/features/auth/SignInPage.tsx"]],
];

/** Built files a page needs beyond what index.html already loads: module scripts and style sheets under /assets/. */
interface ScreenFiles {
  scripts: string[];
  styles: string[];
}

/** Every manifest key reached from `roots` through static imports, the roots included. */
function staticClosure(manifest: BuildManifest, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    pending.push(...(manifest[key].imports ?? []));
  }
  return seen;
}

/**
 * The scripts and styles of the screens the page at `path` opens with, all of them: the app would otherwise find
 * them one import after another once its entry has run (a waterfall of round trips), while named in the page they
 * download beside the entry. Files index.html loads itself are left out.
 */
export function screenFiles(manifest: BuildManifest, path: string): ScreenFiles {
  const screens = [START, ...(ROUTE_SCREENS.find(([route]) => route.test(path))?.[1] ?? [])];
  const loaded = staticClosure(manifest, ["index.html"]);
  const loadedFiles = new Set([...loaded].flatMap((key) => [manifest[key]?.file, ...(manifest[key]?.css ?? [])]));
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const key of staticClosure(manifest, screens)) {
    if (loaded.has(key)) continue;
    const entry = manifest[key]!;
    const script = assetName(entry.file, "js");
    if (script && !loadedFiles.has(entry.file)) scripts.add(script);
    for (const css of entry.css ?? []) {
      const style = assetName(css, "css");
      if (style && !loadedFiles.has(css)) styles.add(style);
    }
  }
  return { scripts: [...scripts], styles: [...styles] };
}
