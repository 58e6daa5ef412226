// @vitest-environment jsdom
import type { Highlight, Participant } from "@opencjm/core";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { HighlightPopover, type SelectedSpan } from "./HighlightPopover.js";

const participant = (id: string, code: string): Participant => ({
  id,
  studyId: "st1",
  code,
  attributes: {},
  personaId: null,
  segment: "",
  consent: { given: true, recordedOn: null, note: "" },
  personal: { name: "", email: "", phone: "", notes: "" },
  noteCount: 1,
  highlightCount: 0,
  createdAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T10:00:00.000Z",
});
const PARTICIPANTS = [participant("p1", "P01"), participant("p2", "P02")];

/** A map with two steps and a pain point on the second, as GET …/maps/m1 answers it. */
const SNAPSHOT = {
  stages: [{ id: "sg1", name: "Consideration" }],
  steps: [
    { id: "s1", stageId: "sg1", name: "Search" },
    { id: "s2", stageId: "sg1", name: "Compare prices" },
  ],
  lanes: [{ id: "l1", type: "painPoints", name: "Pain points" }],
  cells: [{ laneId: "l1", stepId: "s2", cards: [{ id: "c1", kind: "painPoint", text: "Delivery cost shows late" }] }],
};

const stored: Highlight = {
  id: "h1",
  studyId: "st1",
  noteId: "n1",
  participantId: "p1",
  participantCode: "P01",
  start: 2,
  end: 16,
  text: "compared price",
  kind: "quote",
  insight: "",
  anchors: [
    {
      kind: "step",
      mapId: "m1",
      stepId: "s9",
      stageId: null,
      cardId: null,
      ideaId: null,
      label: "Old step",
      missing: true,
    },
  ],
  tags: ["price"],
  sentiment: -0.6,
  sentimentEdited: false,
  language: "en",
  onDeletedContent: true,
  createdBy: "u1",
  createdAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T10:00:00.000Z",
};

/**
 * A real HTTP server standing in for the API: the map list and body the pickers read, and the highlight writes,
 * whose bodies are kept; a highlight on step "s1" is refused the way the server refuses a deleted step.
 */
let server: Server;
const realFetch = globalThis.fetch;
const writes: Array<{ method: string; url: string; body: Record<string, unknown> }> = [];
beforeEach(async () => {
  writes.length = 0;
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = req.url ?? "";
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && url.endsWith("/maps")) return json(200, [{ id: "m1", title: "Online shoes" }]);
      if (req.method === "GET" && url.endsWith("/maps/m1")) return json(200, { map: { id: "m1" }, snapshot: SNAPSHOT });
      if (req.method === "GET") return json(200, []);
      const body = JSON.parse(raw || "{}") as Record<string, unknown>;
      writes.push({ method: req.method ?? "", url, body });
      if (JSON.stringify(body.anchors ?? []).includes('"s1"'))
        return json(409, {
          error: { code: "anchor_not_found", message: 'step "Search" is no longer on the map', issues: [] },
        });
      json(200, { ...stored, ...body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});
afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

function renderPopover(options: { span?: SelectedSpan; highlight?: Highlight; locale?: UiLocale } = {}) {
  const closed: string[] = [];
  renderWithI18n(
    <HighlightPopover
      workspaceId="w1"
      note={{ id: "n1", participantId: "p1" }}
      span={options.span}
      highlight={options.highlight}
      participants={PARTICIPANTS}
      preferredMapIds={["m1"]}
      tagSuggestions={["price"]}
      anchorRect={() => new DOMRect(10, 10, 80, 16)}
      canWrite
      onClose={() => closed.push("closed")}
    />,
    options.locale,
  );
  return { popover: screen.getByTestId("highlight-popover"), closed };
}

/** Picks a step of the map in the popover's "which" list once the map's body has arrived. */
async function pickStep(popover: HTMLElement, name: string) {
  const target = within(popover).getByTestId("anchor-target");
  // The map list and the map's body arrive first; a busy machine may take a while.
  await within(target).findByRole("option", { name }, { timeout: 10_000 });
  await userEvent.selectOptions(target, name);
}

describe("the highlight popover", () => {
  it("turns the selected words into a quote on a step of the map, of another participant, with tags; the server computes the sentiment", async () => {
    const { popover, closed } = renderPopover({ span: { start: 2, end: 16, text: "compared price" } });
    expect(within(popover).getByTestId("highlight-words").textContent).toBe("compared price");
    expect(within(popover).getByTestId("highlight-sentiment-note").textContent).toContain("Computed from the words");
    await pickStep(popover, "Compare prices");
    expect(within(popover).getByTestId("picked-anchor").textContent).toContain("Compare prices");
    await userEvent.selectOptions(within(popover).getByTestId("highlight-participant"), "P02");
    await userEvent.type(within(popover).getByTestId("highlight-tags"), "price, trust，price");
    await userEvent.click(within(popover).getByTestId("highlight-save"));
    await waitFor(() => expect(closed).toEqual(["closed"]));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.method).toBe("POST");
    expect(writes[0]!.url).toBe("/api/workspaces/w1/research/highlights");
    expect(writes[0]!.body).toEqual({
      noteId: "n1",
      start: 2,
      end: 16,
      kind: "quote",
      insight: "",
      participantId: "p2",
      anchors: [{ kind: "step", mapId: "m1", stepId: "s2" }],
      tags: ["price", "trust"],
    });
  });

  it("links an insight to a pain point card, labelled by its step and words", async () => {
    const { popover } = renderPopover({ span: { start: 0, end: 4, text: "late" } });
    await userEvent.click(within(popover).getByRole("radio", { name: "Insight" }));
    await userEvent.type(within(popover).getByLabelText("What the team concludes"), "Show fees early");
    await userEvent.selectOptions(within(popover).getByTestId("anchor-kind"), "painPoint");
    await pickStep(popover, "Compare prices · Delivery cost shows late");
    await userEvent.click(within(popover).getByTestId("highlight-save"));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.body).toMatchObject({
      kind: "insight",
      insight: "Show fees early",
      anchors: [{ kind: "painPoint", mapId: "m1", cardId: "c1" }],
    });
  });

  it("shows the server's refusal of a step no longer on the map and stays open", async () => {
    const { popover, closed } = renderPopover({ span: { start: 0, end: 6, text: "Search" } });
    await pickStep(popover, "Search");
    await userEvent.click(within(popover).getByTestId("highlight-save"));
    expect((await within(popover).findByTestId("highlight-error")).textContent).toBe(
      'step "Search" is no longer on the map',
    );
    expect(closed).toEqual([]);
  });

  it("opens a stored highlight with the server's sentiment, sets it by hand, and can go back to the computed one (Russian)", async () => {
    const { popover } = renderPopover({ highlight: stored, locale: "ru" });
    const note = within(popover).getByTestId("highlight-sentiment-note");
    expect(note.textContent).toBe("Негативная (-0,6) · вычислено");
    expect(within(popover).getByTestId("picked-anchor").textContent).toContain("Old step (удалено с карты)");
    fireEvent.change(within(popover).getByTestId("highlight-sentiment"), { target: { value: "0.5" } });
    expect(note.textContent).toBe("Позитивная (+0,5)");
    await userEvent.click(within(popover).getByTestId("highlight-save"));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.method).toBe("PATCH");
    expect(writes[0]!.url).toBe("/api/workspaces/w1/research/highlights/h1");
    expect(writes[0]!.body).toMatchObject({ sentiment: 0.5, tags: ["price"] });
  });

  it("sends null to return to the computed sentiment", async () => {
    const { popover } = renderPopover({ highlight: { ...stored, sentiment: 0.8, sentimentEdited: true } });
    await userEvent.click(within(popover).getByRole("button", { name: "Use the computed sentiment" }));
    await userEvent.click(within(popover).getByTestId("highlight-save"));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.body.sentiment).toBeNull();
  });

  it("shows hostile words as text, never as markup", () => {
    const words = `<img src=x onerror="alert(1)"><b>bold</b>`;
    const { popover } = renderPopover({ span: { start: 0, end: words.length, text: words } });
    expect(within(popover).getByTestId("highlight-words").textContent).toBe(words);
    expect(popover.querySelector("img, b")).toBeNull();
  });
});
