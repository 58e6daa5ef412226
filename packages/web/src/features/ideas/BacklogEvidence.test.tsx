// @vitest-environment jsdom
import type { IdeaEvidence, IdeaLink } from "@opencjm/core";
import { act, cleanup, screen } from "@testing-library/react";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { BacklogEvidence } from "./BacklogEvidence.js";
import { ideaFixture } from "./ideaFixtures.js";

const step: IdeaLink = {
  mapId: "m1",
  mapTitle: "Checkout",
  cardId: "c1",
  stepId: "s1",
  laneId: "l1",
  stageId: "st1",
  kind: "painPoint",
  label: "Fees show late",
  missing: false,
};
const EVIDENCE: IdeaEvidence = {
  steps: [
    {
      mapId: "m1",
      stepId: "s1",
      stepName: "Pricing",
      customers: 1200,
      dropOff: 300,
      dropOffRate: 0.25,
      sentiment: -0.42,
      feedbackCount: 80,
      quoteCards: 3,
      highlights: 5,
      highlightParticipants: 4,
      highlightNotes: 2,
    },
  ],
  unmeasured: [],
  research: { highlights: 5, participants: 4, notes: 2, onIdea: 0 },
};

// A busy machine (two cores shared by several test runs) can answer slower than Testing Library's one-second default.
const SLOW = { timeout: 10_000 };

let server: Server;
const realFetch = globalThis.fetch;
const asked: string[] = [];
beforeEach(async () => {
  asked.length = 0;
  server = createServer((req, res) => {
    asked.push(req.url!);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(EVIDENCE));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});
afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  await new Promise((resolve) => server.close(resolve));
});

describe("the evidence beside an idea's score in the backlog", () => {
  it("says, per linked step, how many reach it and leave there, their sentiment, the quotes and research notes, in the reader's digits", async () => {
    renderWithI18n(<BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i1", title: "A", anchors: [step] })} />);
    expect(
      await screen.findByText(
        "Pricing: 1,200 reach it, 300 (25%) leave there, sentiment -0.42, quotes: 3, research notes: 2",
        {},
        SLOW,
      ),
    ).toBeTruthy();
    cleanup();
    renderWithI18n(
      <BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i1", title: "A", anchors: [step] })} />,
      "fa",
    );
    const line = await screen.findByText(/^Pricing: /, {}, SLOW);
    expect(line.textContent).toContain("۱٬۲۰۰");
    expect(line.textContent).toContain("۳ نقل‌قول، ۲ یادداشت پژوهشی");
  });

  it("asks nothing for an idea not linked to a step", async () => {
    renderWithI18n(
      <>
        <BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i2", title: "B" })} />
        <BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i1", title: "A", anchors: [step] })} />
      </>,
    );
    expect(screen.getByText("Not linked to a step.")).toBeTruthy();
    await screen.findByText(/^Pricing: /, {}, SLOW);
    expect(asked).toEqual(["/api/workspaces/w1/ideas/i1/evidence"]);
  });

  it("is asked for only once its row comes near the screen", async () => {
    // jsdom lays nothing out: an observer the test drives stands in for the browser's scrolling.
    const observers: ((entries: { isIntersecting: boolean }[]) => void)[] = [];
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    };
    renderWithI18n(
      <>
        <BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i3", title: "C", anchors: [step] })} />
        <BacklogEvidence workspaceId="w1" idea={ideaFixture({ id: "i4", title: "D", anchors: [step] })} />
      </>,
    );
    expect(screen.getAllByText("Measuring…")).toHaveLength(2);
    // The first row scrolls near the screen; the second stays far below.
    act(() => observers[0]!([{ isIntersecting: true }]));
    expect(await screen.findByText(/^Pricing: 1,200 reach it/, {}, SLOW)).toBeTruthy();
    expect(screen.getAllByText("Measuring…")).toHaveLength(1);
    expect(asked).toEqual(["/api/workspaces/w1/ideas/i3/evidence"]);
  });
});
