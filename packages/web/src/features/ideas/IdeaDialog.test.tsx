// @vitest-environment jsdom
import type { IdeaEffect } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { IdeaDialog } from "./IdeaDialog.js";
import { ideaFixture } from "./ideaFixtures.js";

const shipped = ideaFixture({
  id: "i1",
  title: "Show delivery costs",
  status: "shipped",
  kpiIds: ["k1"],
  shippedAt: "2026-10-01T12:00:00.000Z",
  history: [
    { status: "new", at: "2026-09-01T12:00:00.000Z", byUserId: "u1", byName: "Ayda", reason: null },
    { status: "shipped", at: "2026-10-01T12:00:00.000Z", byUserId: "u1", byName: "Ayda", reason: null },
  ],
});
// The effect as the server sends it (no KPI measured: this dialog test is about what is sent when marking measured).
const effect = (trialDays: number): IdeaEffect => ({
  ideaId: "i1",
  shippedAt: shipped.shippedAt,
  trialDays,
  beforeDays: trialDays,
  afterDays: trialDays,
  ready: true,
  readyOn: "2026-10-29T12:00:00.000Z",
  caveats: [],
  caveatMessages: [],
  dataFrom: null,
  dataTo: null,
  recordedAt: null,
  kpis: [],
});

/** What the server is asked, and how it answers: a real HTTP server the component's `fetch` is pointed at. */
interface Answer {
  status: number;
  body: unknown;
}
let server: Server;
const realFetch = globalThis.fetch;
const sent: { method: string; url: string; body: unknown }[] = [];
let answerPatch: Answer;
let answerStatus: (body: { status: string }) => Answer;

beforeAll(async () => {
  // The date picker's calendars are a chunk loaded as it opens; loaded first so a busy machine does not outlast the wait.
  await import("../../app/DatePickerCalendar.js");
});
beforeEach(async () => {
  sent.length = 0;
  answerPatch = { status: 200, body: shipped };
  answerStatus = (body) => ({ status: 200, body: { ...shipped, status: body.status } });
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      sent.push({ method: req.method!, url: req.url!, body });
      const url = req.url!;
      let answer: Answer = { status: 200, body: [] };
      if (req.method === "PATCH") answer = answerPatch;
      else if (url.endsWith("/status")) answer = answerStatus(body as { status: string });
      else if (url.includes("/kpi-effect"))
        answer = {
          status: 200,
          body: effect(
            Number(
              new URL(url, "http://x").searchParams.get("afterDays") ??
                new URL(url, "http://x").searchParams.get("trialDays"),
            ),
          ),
        };
      else if (url.endsWith("/evidence")) answer = { status: 200, body: { steps: [], unmeasured: [] } };
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
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

// A busy machine (two cores shared by several test runs) can answer slower than Testing Library's one-second default.
const SLOW = { timeout: 10_000 };

const open = (idea = shipped, locale: "en" | "fa" | "ru" = "en") =>
  renderWithI18n(<IdeaDialog workspaceId="w1" idea={idea} members={[]} canWrite onClose={() => undefined} />, locale);

describe("the idea editor", () => {
  it("limits each score to the range the API accepts", () => {
    open();
    const range = (id: string) => {
      const input = screen.getByTestId(id);
      return [input.getAttribute("min"), input.getAttribute("max"), input.getAttribute("step")];
    };
    expect(range("ice-impact")).toEqual(["1", "10", "1"]);
    expect(range("ice-ease")).toEqual(["1", "10", "1"]);
    expect(range("rice-impact")).toEqual(["0.25", "3", "0.25"]);
    expect(range("rice-confidence")).toEqual(["0", "100", "0.01"]);
    expect(range("rice-effort")).toEqual(["0.01", "1000", "0.01"]);
  });

  it("shows the server's own sentence for a refused score, naming the field, and marks that input", async () => {
    answerPatch = {
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          message: "ice.impact: Слишком большое значение: ожидалось, что number будет <=10",
          issues: [{ path: "ice.impact", message: "Слишком большое значение: ожидалось, что number будет <=10" }],
        },
      },
    };
    open(shipped, "ru");
    const user = userEvent.setup();
    // Typed past the browser's own check (a form submitted by script or an older browser): the server still says why.
    await user.type(screen.getByTestId("ice-impact"), "12");
    await user.type(screen.getByTestId("ice-confidence"), "5");
    await user.type(screen.getByTestId("ice-ease"), "5");
    screen.getByTestId("ice-impact").closest("form")!.noValidate = true;
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    const alert = await screen.findByTestId("idea-error", {}, SLOW);
    expect(alert.textContent).toBe("ice.impact: Слишком большое значение: ожидалось, что number будет <=10");
    expect(alert.textContent).not.toContain("Некоторые");
    expect(screen.getByTestId("ice-impact").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("ice-impact").getAttribute("aria-describedby")).toBe(alert.id);
    expect(screen.getByTestId("ice-ease").getAttribute("aria-invalid")).toBeNull();
  });

  it("dates a status change today unless another day is picked, and then sends no date", async () => {
    const approved = ideaFixture({
      id: "i1",
      title: "Show delivery costs",
      status: "inProgress",
      history: [{ status: "new", at: "2020-01-01T12:00:00.000Z", byUserId: "u1", byName: "Ayda", reason: null }],
    });
    open(approved);
    const user = userEvent.setup();
    const picker = screen.getByTestId("idea-status-date");
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(picker.getAttribute("data-value")).toBe(
      `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
    );
    // Today: no date is sent, the server takes the moment of the change.
    await user.click(screen.getByRole("button", { name: "Mark as Shipped" }));
    await screen.findByText("Status: Shipped", {}, SLOW);
    expect(sent.find((r) => r.url.endsWith("/status"))?.body).toEqual({ status: "shipped" });
  });

  it("sends the day picked in the calendar as the date of the change", async () => {
    const approved = ideaFixture({ id: "i1", title: "Show delivery costs", status: "inProgress" });
    open(approved);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("idea-status-date"));
    const grid = await screen.findByRole("grid", {}, SLOW);
    // The first day of the month shown (this month): today or earlier, so it may be picked.
    const first = within(grid).getAllByRole("button")[0]!;
    await user.click(first);
    const picked = screen.getByTestId("idea-status-date").getAttribute("data-value")!;
    expect(picked).toMatch(/-01$/);
    await user.click(screen.getByRole("button", { name: "Mark as Shipped" }));
    await screen.findByText("Status: Shipped", {}, SLOW);
    const body = sent.find((r) => r.url.endsWith("/status"))?.body as { status: string; at?: string };
    const today = new Date();
    if (today.getDate() === 1) expect(body.at).toBeUndefined();
    else {
      const at = new Date(body.at!);
      expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours()]).toEqual([
        today.getFullYear(),
        today.getMonth(),
        1,
        12,
      ]);
    }
  });

  it("marks the idea measured over the trial period its effect panel shows, in Persian digits", async () => {
    open(shipped, "fa");
    const user = userEvent.setup();
    const trial = await screen.findByRole("combobox", { name: "دورهٔ آزمایشی (روز)" }, SLOW);
    expect([...(trial as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["۷", "۱۴", "۲۸", "۵۶", "۹۱"]);
    await user.selectOptions(trial, "14");
    await user.click(screen.getByRole("button", { name: "علامت‌گذاری به‌عنوان سنجیده‌شده" }));
    await screen.findByText(/: سنجیده‌شده$/, {}, SLOW);
    expect(sent.find((r) => r.url.endsWith("/status"))?.body).toEqual({ status: "measured", trialDays: 14 });
  });

  it("marks the idea measured over the windows its effect panel shows when the days before differ", async () => {
    open();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Trial period (days)" }, SLOW), "14");
    await user.selectOptions(screen.getByRole("combobox", { name: "Compared with (days before shipping)" }), "56");
    await user.click(screen.getByRole("button", { name: "Mark as Measured" }));
    await screen.findByText("Status: Measured", {}, SLOW);
    expect(sent.find((r) => r.url.endsWith("/status"))?.body).toEqual({
      status: "measured",
      beforeDays: 56,
      afterDays: 14,
    });
    expect(sent.map((r) => r.url)).toContain("/api/workspaces/w1/ideas/i1/kpi-effect?beforeDays=56&afterDays=14");
  });

  it("says why the idea could not be marked measured, in the server's words", async () => {
    answerStatus = () => ({
      status: 409,
      body: {
        error: { code: "trial_not_over", message: "the trial period of 28 days ends on 2026-10-29", issues: [] },
      },
    });
    open();
    await userEvent.setup().click(screen.getByRole("button", { name: "Mark as Measured" }));
    const status = screen.getByTestId("idea-status");
    expect((await within(status).findByRole("alert", {}, SLOW)).textContent).toBe(
      "the trial period of 28 days ends on 2026-10-29",
    );
  });
});
