// @vitest-environment jsdom
import type { Highlight, Note, Study } from "@opencjm/core";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SessionProvider } from "../../app/SessionProvider.js";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import NotePage from "./NotePage.js";

const at = "2026-03-01T10:00:00.000Z";
const session = {
  user: { id: "u1", email: "ana@example.com", name: "Ana", locale: "en" },
  csrfToken: "csrf",
  workspaces: [{ id: "w1", name: "Shop team", role: "viewer" }],
};
const text = "P01: The delivery cost showed up late. P02: Paying was easy.";
const note: Note = {
  id: "n1",
  studyId: "st1",
  participantId: null,
  title: "Focus group",
  format: "typed",
  fileName: null,
  charset: null,
  length: text.length,
  highlightCount: 2,
  createdBy: "u1",
  createdAt: at,
  updatedAt: at,
  text,
  segments: [],
};
const study: Study = {
  id: "st1",
  workspaceId: "w1",
  title: "Checkout interviews",
  method: "focusGroup",
  goal: "",
  startsOn: null,
  endsOn: null,
  personaIds: [],
  segment: "",
  mapIds: [],
  participantCount: 0,
  noteCount: 1,
  highlightCount: 2,
  createdBy: "u1",
  createdAt: at,
  updatedAt: at,
};
const highlight = (id: string, words: string): Highlight => ({
  id,
  studyId: "st1",
  noteId: "n1",
  participantId: null,
  participantCode: null,
  start: text.indexOf(words),
  end: text.indexOf(words) + words.length,
  text: words,
  kind: "quote",
  insight: "",
  anchors: [],
  tags: [],
  sentiment: 0,
  sentimentEdited: false,
  language: "en",
  onDeletedContent: false,
  createdBy: "u1",
  createdAt: at,
  updatedAt: at,
});
const HIGHLIGHTS = [highlight("h1", "The delivery cost showed up late."), highlight("h2", "Paying was easy.")];

/** A real HTTP server standing in for the API: the session, the note, its highlights, study and participants. */
let server: Server;
const realFetch = globalThis.fetch;
beforeEach(async () => {
  server = createServer((req, res) => {
    const answers: Record<string, unknown> = {
      "/api/auth/session": session,
      "/api/workspaces/w1/research/notes/n1": note,
      "/api/workspaces/w1/research/highlights?noteId=n1": { highlights: HIGHLIGHTS },
      "/api/workspaces/w1/research/studies/st1": study,
      "/api/workspaces/w1/research/participants?studyId=st1": { participants: [] },
    };
    const body = answers[req.url ?? ""];
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ?? { error: { code: "not_found", message: "no such path" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});
afterEach(async () => {
  cleanup();
  window.history.replaceState(null, "", "/");
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

describe("a note opened from a step's quote", () => {
  it("opens at the highlight the quote came from", async () => {
    window.history.replaceState(null, "", "/research/notes/n1#highlight-h2");
    renderWithI18n(
      <SessionProvider>
        <NotePage workspaceId="w1" noteId="n1" />
      </SessionProvider>,
    );
    const popover = await screen.findByRole("dialog");
    expect(popover.textContent).toContain("Paying was easy.");
    expect(popover.textContent).not.toContain("delivery cost");
  });

  it("opens no highlight when reached without one", async () => {
    renderWithI18n(
      <SessionProvider>
        <NotePage workspaceId="w1" noteId="n1" />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId("highlight-mark")).toHaveLength(2));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
