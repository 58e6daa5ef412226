// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import type { EmotionValue } from "../store/MapView.js";
import { editorMessages } from "../testing/renderEditorGrid.js";
import { EmotionEditor } from "./EmotionEditor.js";

afterEach(cleanup);

const scale = { min: -2, max: 2, minLabel: "", maxLabel: "" };
const personas = [
  { id: "p1", name: "Mina", color: "#2d5fb8" },
  { id: "p2", name: "Omid", color: "#d9480f" },
];

function renderEditor(points: Record<string, EmotionValue | undefined>) {
  const changes: Array<[string, number | null, string | undefined]> = [];
  let closed = 0;
  render(
    <StaticI18nProvider i18n={createI18n("en", editorMessages("en"))}>
      <EmotionEditor
        personas={personas}
        points={new Map(Object.entries(points))}
        scale={scale}
        onChange={(id, v, n) => (changes.push([id, v, n]), true)}
        onClose={() => closed++}
      />
    </StaticI18nProvider>,
  );
  return { changes, closed: () => closed };
}

describe("emotion editor", () => {
  it("takes a typed value on the scale for each persona, and refuses one off the scale with the range named", async () => {
    const user = userEvent.setup();
    const { changes } = renderEditor({ p1: { value: 1, note: "" } });
    const [mina, omid] = screen.getAllByRole("spinbutton");
    expect(document.activeElement).toBe(mina);
    await user.clear(omid!);
    await user.type(omid!, "5");
    expect(screen.getByRole("alert").textContent).toBe("Enter a number from -2 to 2.");
    expect(changes).toEqual([]);
    await user.clear(omid!);
    await user.type(omid!, "-1.5");
    expect(changes.at(-1)).toEqual(["p2", -1.5, undefined]);
  });

  it("saves a note when leaving the field, clears a point, and closes on Escape", async () => {
    const user = userEvent.setup();
    const { changes, closed } = renderEditor({ p1: { value: 1, note: "" } });
    const [note] = screen.getAllByLabelText("Note");
    await user.type(note!, "Confused by <b>fees</b>");
    await user.tab();
    expect(changes).toContainEqual(["p1", 1, "Confused by <b>fees</b>"]);
    await user.click(screen.getAllByRole("button", { name: "Clear" })[0]!);
    expect(changes.at(-1)).toEqual(["p1", null, undefined]);
    expect((screen.getAllByRole("button", { name: "Clear" })[1] as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard("{Escape}");
    expect(closed()).toBe(1);
  });
});
