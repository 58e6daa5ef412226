import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The screens read their colours, sizes and spacing from designTokens.css. A var(--name) that nothing defines falls
// back silently (to its fallback or to nothing), so a misspelt or invented token looks fine in review and wrong on
// screen. These checks scan every stylesheet and component of the web app.

const src = new URL("../", import.meta.url);

function sourceFiles(): { path: string; text: string }[] {
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.(css|tsx|ts)$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => ({ path, text: readFileSync(new URL(path, src), "utf8") }));
}

// Custom properties set by libraries at run time, not by the app.
const SET_BY_LIBRARIES = [
  /^--radix-/, // Radix popovers and menus set their available height on the content element.
  /^--rdp-/, // react-day-picker's own theme variables.
];

// A property is defined where a stylesheet declares it (`--name: …`) or a component sets it in a style object
// (`"--name": …` or `["--name"]`), e.g. a lane's tone or the grid's column width.
const DECLARED = /(?<!var\(\s*)(--[\w-]+)["']?(?: as string)?\]?\s*:/g;
const USED = /var\(\s*(--[\w-]+)/g;

// Type sizes written as numbers instead of the scale. Each allowed file says why it must keep exact sizes.
// Sizes in em stay: they are proportions of the text around them (a superscript, an icon beside a word).
const RAW_FONT_SIZE = /font-size:[^;]*?\d(?:px|rem|pt)\b|fontSize:\s*["'`]?\d[^,}]*/g;
const EXACT_SIZES_ALLOWED: Record<string, string> = {
  "app/designTokens.css": "the type scale itself",
  "features/mapEditor/infographic/InfographicView.module.css": "one landscape page at print size, laid out to fit",
  "features/mapEditor/shared/PrintMapView.module.css": "PDF pages at print size, paginated from measured heights",
};

describe("design tokens", () => {
  const files = sourceFiles();

  it("are defined for every var(--…) a stylesheet or component reads", () => {
    const defined = new Set(files.flatMap(({ text }) => [...text.matchAll(DECLARED)].map((m) => m[1])));
    const undefinedUses = files.flatMap(({ path, text }) =>
      [...text.matchAll(USED)]
        .map((m) => m[1] ?? "")
        .filter((name) => !defined.has(name) && !SET_BY_LIBRARIES.some((pattern) => pattern.test(name)))
        .map((name) => `${path}: ${name}`),
    );
    expect(undefinedUses).toEqual([]);
  });

  it("give every font size outside the allowed files from the type scale", () => {
    const raw = files
      .filter(({ path }) => !(path.replaceAll("\\", "/") in EXACT_SIZES_ALLOWED))
      .flatMap(({ path, text }) => [...text.matchAll(RAW_FONT_SIZE)].map((m) => `${path}: ${m[0]}`));
    expect(raw).toEqual([]);
  });
});
