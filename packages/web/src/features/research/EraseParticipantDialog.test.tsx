// @vitest-environment jsdom
import type { ErasureReport, Participant } from "@opencjm/core";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { ParticipantList } from "./ParticipantList.js";

const participant = (id: string, code: string, personal: Partial<Participant["personal"]> = {}): Participant => ({
  id,
  studyId: "st1",
  code,
  attributes: { "age band": "25–34" },
  personaId: null,
  segment: "",
  consent: { given: true, recordedOn: "2026-02-10", note: "" },
  personal: { name: "", email: "", phone: "", notes: "", ...personal },
  noteCount: 2,
  highlightCount: 5,
  createdAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T10:00:00.000Z",
});
const PARTICIPANTS = [
  participant("p1", "P01", { name: "Anna Ivanova", email: "anna@example.test" }),
  participant("p2", "<b>P02</b>"),
];
const REPORT: ErasureReport = {
  participants: 1,
  notes: 2,
  highlights: 5,
  journeys: 1,
  surveyAnswers: 4,
  mapQuotes: 3,
  transcriptTurns: 2,
  versions: 5,
  maps: [{ mapId: "m1", title: "Online shoes", quotes: 3, versions: 5 }],
};

/** A real HTTP server standing in for the API: erasing answers the report; every request is recorded. */
let server: Server;
const realFetch = globalThis.fetch;
const requests: string[] = [];
beforeEach(async () => {
  requests.length = 0;
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.method === "DELETE" ? REPORT : []));
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

function renderList(locale: UiLocale = "en", canWrite = true) {
  renderWithI18n(
    <ParticipantList
      workspaceId="w1"
      studyId="st1"
      studyMapIds={[]}
      participants={PARTICIPANTS}
      personas={[]}
      canWrite={canWrite}
    />,
    locale,
  );
  return (code: string) => screen.getAllByTestId("participant-row").find((row) => row.dataset.code === code)!;
}

describe("erasing a participant", () => {
  it("lists participants by code with their personal details marked as personal, and codes as text", () => {
    const row = renderList();
    const anna = row("P01");
    const personal = anna.querySelector<HTMLElement>("[data-personal]")!;
    expect(personal.textContent).toContain("Anna Ivanova");
    expect(personal.className).toMatch(/personal/);
    expect(screen.getAllByRole("columnheader").some((h) => h.textContent?.includes("Personal"))).toBe(true);
    expect(row("<b>P02</b>").querySelector("b")).toBeNull();
  });

  it("asks first; cancelling erases nothing", async () => {
    const row = renderList();
    await userEvent.click(within(row("P01")).getByTestId("erase-participant"));
    const dialog = await screen.findByRole("alertdialog", { name: "Erase P01" });
    expect(dialog.textContent).toContain("every quote taken from them on maps");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(requests.filter((r) => r.startsWith("DELETE"))).toEqual([]);
  });

  it("erases after the confirmation and says what was removed, map by map", async () => {
    const row = renderList();
    await userEvent.click(within(row("P01")).getByTestId("erase-participant"));
    await userEvent.click(await screen.findByTestId("erase-confirm"));
    const report = await screen.findByTestId("erasure-report");
    expect(requests).toContain("DELETE /api/workspaces/w1/research/participants/p1");
    const lines = [...report.querySelectorAll("li")].map((li) => li.textContent);
    expect(lines).toEqual([
      "2 notes",
      "5 highlights",
      "1 journey on a map",
      "4 survey answers",
      "2 turns in shared transcripts",
      "3 quotes on maps",
      "5 map versions cleaned",
      "Online shoes: 3 quotes, 5 versions",
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByTestId("erase-dialog")).toBeNull());
  });

  it("says what was removed in Russian, with its plural forms", async () => {
    const row = renderList("ru");
    await userEvent.click(within(row("P01")).getByTestId("erase-participant"));
    await userEvent.click(await screen.findByRole("button", { name: "Стереть навсегда" }));
    const report = await screen.findByTestId("erasure-report");
    const lines = [...report.querySelectorAll("li")].map((li) => li.textContent);
    expect(lines).toEqual([
      "2 заметки",
      "5 выделений",
      "1 путь на карте",
      "4 ответа на опросы",
      "2 реплики в общих расшифровках",
      "3 цитаты на картах",
      "5 версий карт очищено",
      "Online shoes: 3 цитаты 5 версий",
    ]);
  });

  it("offers no erasure to people who may only read", () => {
    renderList("en", false);
    expect(screen.queryByTestId("erase-participant")).toBeNull();
    expect(screen.queryByTestId("add-participant")).toBeNull();
  });
});
