import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A <button> without a class falls back to the browser's grey default button, unlike every other button of the
// app. Buttons are the app's `Button` (app/Button.tsx) or carry a class of their own; the controls below are not
// buttons to the eye and are styled by their container, each for the reason given.
const STYLED_BY_CONTAINER: Record<string, string> = {
  "features/mapEditor/grid/MapGrid.tsx": "the grid's '+' add-stage cell (.addStage button)",
  "features/mapEditor/grid/AddLaneControl.tsx": "hidden-lane chips in the add-lane popover (.hidden button)",
  "features/personas/PersonaPage.tsx": "the card/edit tabs (.tabs button)",
  "features/ideas/PlaceIdeasBadge.tsx": "rows of the badge's idea list (.list button)",
  "features/evidence/rules/EventNamesField.tsx": "the × inside an event-name chip (.chip button)",
};

const src = new URL("../", import.meta.url);

/** Each `<button …>` opening tag, read to its closing `>` (skipping `=>` and `>` inside `{…}`). */
function buttonTags(text: string): { line: number; tag: string }[] {
  const tags: { line: number; tag: string }[] = [];
  for (let start = text.indexOf("<button"); start >= 0; start = text.indexOf("<button", start + 1)) {
    if (!/[\s>]/.test(text[start + 7] ?? "")) continue;
    let depth = 0;
    let end = start;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
    }
    tags.push({ line: text.slice(0, start).split("\n").length, tag: text.slice(start, end + 1) });
  }
  return tags;
}

describe("the one button family", () => {
  it("leaves no button without a class to look like the browser's default", () => {
    const bare = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".tsx") && !path.endsWith(".test.tsx"))
      .filter((path) => !(path.replaceAll("\\", "/") in STYLED_BY_CONTAINER))
      .flatMap((path) =>
        buttonTags(readFileSync(new URL(path, src), "utf8"))
          .filter(({ tag }) => !/\bclassName=/.test(tag))
          .map(({ line }) => `${path}:${line}`),
      );
    expect(bare).toEqual([]);
  });

  it("reads a tag to its end past arrow functions in its attributes", () => {
    const tags = buttonTags('<button onClick={() => go()} className="x">Go</button>');
    expect(tags.map(({ tag }) => tag)).toEqual(['<button onClick={() => go()} className="x">']);
  });
});
