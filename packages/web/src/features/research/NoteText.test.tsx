// @vitest-environment jsdom
import type { Highlight } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { NoteText } from "./NoteText.js";

afterEach(cleanup);

const TEXT = `Ann: <script>alert("x")</script> was fine\nBob: <b>Too</b> expensive`;
const highlight = (id: string, start: number, end: number, kind: Highlight["kind"] = "quote") =>
  ({ id, start, end, kind, text: TEXT.slice(start, end), anchors: [] }) as unknown as Highlight;

describe("a note's text with its highlights", () => {
  it("draws highlights as marks over the very text, markup in a transcript staying characters", () => {
    const bold = TEXT.indexOf("<b>Too</b> expensive");
    renderWithI18n(
      <NoteText text={TEXT} highlights={[highlight("h1", bold, TEXT.length, "insight")]} onOpen={() => undefined} />,
    );
    const view = screen.getByTestId("note-text-view");
    expect(view.textContent).toBe(TEXT);
    expect(view.querySelector("script, b")).toBeNull();
    const mark = screen.getByTestId("highlight-mark");
    expect(mark.textContent).toBe("<b>Too</b> expensive");
    expect(mark.dataset.kind).toBe("insight");
  });

  it("shows each subtitle cue's time before its words without adding them to the text", () => {
    const bob = TEXT.indexOf("Bob:");
    renderWithI18n(
      <NoteText
        text={TEXT}
        highlights={[]}
        cues={[
          { at: 0, label: "0:01" },
          { at: bob, label: "1:05" },
        ]}
        onOpen={() => undefined}
      />,
    );
    const view = screen.getByTestId("note-text-view");
    expect(view.textContent).toBe(TEXT);
    expect([...view.querySelectorAll("[data-time]")].map((cue) => cue.getAttribute("data-time"))).toEqual([
      "0:01",
      "1:05",
    ]);
  });

  it("opens a highlight from its mark by click or keyboard", async () => {
    const opened: string[] = [];
    renderWithI18n(<NoteText text={TEXT} highlights={[highlight("h1", 0, 3)]} onOpen={(h) => opened.push(h.id)} />);
    const mark = screen.getByTestId("highlight-mark");
    await userEvent.click(mark);
    mark.focus();
    await userEvent.keyboard("{Enter}");
    expect(opened).toEqual(["h1", "h1"]);
  });
});
