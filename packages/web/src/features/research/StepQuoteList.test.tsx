// @vitest-environment jsdom
import type { MapResearchQuote, MapResearchQuotePage } from "@opencjm/core";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { StepQuoteList } from "./StepQuoteList.js";

const quote = (n: number): MapResearchQuote => ({
  highlightId: `h${n}`,
  noteId: `n${n}`,
  stepId: "s1",
  text: n === 2 ? "<img src=x onerror=alert(1)> fees" : `Quote number ${n}`,
  kind: "quote",
  participantId: "p1",
  participantCode: `P${n}`,
  studyId: "st1",
  studyTitle: "Checkout interviews",
  sentiment: -0.4,
  language: "en",
  tags: [],
});
// 120 quotes in pages of 50, as the API answers them; the cursor is the index of the next quote.
const QUOTES = Array.from({ length: 120 }, (_, i) => quote(i + 1));

/** A real HTTP server standing in for the API's paged step quotes; every request is recorded. */
let server: Server;
const realFetch = globalThis.fetch;
const requests: string[] = [];
beforeEach(async () => {
  requests.length = 0;
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://x");
    const from = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit"));
    const page: MapResearchQuotePage = {
      quotes: QUOTES.slice(from, from + limit),
      next: from + limit < QUOTES.length ? String(from + limit) : null,
    };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(page));
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

describe("a step's quotes in its research panel", () => {
  it("links each quote to its note, opened at the highlight, and to its participant in their study", async () => {
    renderWithI18n(<StepQuoteList workspaceId="w1" mapId="m1" stepId="s1" count={120} />);
    await waitFor(() => expect(screen.getAllByTestId("step-research-quote")).toHaveLength(50));
    const [first] = screen.getAllByTestId("step-research-quote");
    const toNote = first!.querySelector<HTMLAnchorElement>("[data-testid=step-research-to-note]")!;
    expect(toNote.textContent).toBe("Open the note");
    expect(toNote.getAttribute("href")).toBe("/research/notes/n1#highlight-h1");
    const participant = first!.querySelector<HTMLAnchorElement>("[data-testid=step-research-participant] a")!;
    expect([participant.textContent, participant.getAttribute("href")]).toEqual([
      "P1",
      "/research/studies/st1#participant-p1",
    ]);
  });

  it("shows the first page, and 'Show more' loads the next until every quote is there", async () => {
    renderWithI18n(<StepQuoteList workspaceId="w1" mapId="m1" stepId="s1" count={120} />);
    expect(screen.getByText("120 highlights from the studies")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId("step-research-quote")).toHaveLength(50));
    expect(requests).toEqual(["GET /api/workspaces/w1/research/maps/m1/steps/s1/quotes?limit=50"]);
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(screen.getAllByTestId("step-research-quote")).toHaveLength(100));
    expect(requests.at(-1)).toBe("GET /api/workspaces/w1/research/maps/m1/steps/s1/quotes?after=50&limit=50");
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(screen.getAllByTestId("step-research-quote")).toHaveLength(120));
    // The last page has no next: no button to press for nothing.
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
    const shown = screen.getAllByTestId("step-research-participant").map((p) => p.textContent);
    expect(new Set(shown).size).toBe(120);
    // A participant's words stay text: nothing in them becomes markup.
    expect(screen.getByText("<img src=x onerror=alert(1)> fees")).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });
});
