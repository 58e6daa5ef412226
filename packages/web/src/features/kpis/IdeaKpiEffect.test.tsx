// @vitest-environment jsdom
import type { IdeaEffect } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { IdeaKpiEffect } from "./IdeaKpiEffect.js";

const window = (from: string, to: string, value: number, sample: number) => ({ from, to, value, sample });
const measured: IdeaEffect = {
  ideaId: "idea1",
  shippedAt: "2024-03-01T00:00:00.000Z",
  trialDays: 28,
  ready: true,
  readyOn: "2024-03-29T00:00:00.000Z",
  beforeDays: 28,
  afterDays: 28,
  caveats: [],
  caveatMessages: [],
  dataFrom: null,
  dataTo: null,
  recordedAt: null,
  kpis: [
    {
      kpiId: "k1",
      name: "Ad to pricing",
      measure: "conversion",
      direction: "higher",
      before: window("2024-02-02", "2024-03-01", 0.3, 336),
      after: window("2024-03-01", "2024-03-29", 0.6, 336),
      change: 0.3,
      interval: [0.23, 0.37],
      pValue: 0.0001,
      test: "twoProportionZ",
      verdict: "improved",
      problem: null,
    },
  ],
};

/**
 * A real HTTP server answering the effect (28-day trial: measured; 14 days: still waiting) and its recording; the
 * browser's `fetch` is the real one, pointed at it (jsdom has no origin for the app's relative paths).
 */
let server: Server;
const realFetch = globalThis.fetch;
const requests: string[] = [];
beforeEach(async () => {
  requests.length = 0;
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url?.endsWith("beforeDays=56&afterDays=28"))
      return res.end(
        JSON.stringify({
          ...measured,
          beforeDays: 56,
          caveats: ["windowsDiffer"],
          caveatMessages: [{ caveat: "windowsDiffer", message: "56 days before against 28 after: compared per day." }],
          kpis: [
            {
              ...measured.kpis[0],
              verdict: "notEnoughData",
              problem: { code: "kpi_step_gone", message: "Its step is gone." },
            },
          ],
        }),
      );
    if (req.url?.endsWith("trialDays=14"))
      return res.end(JSON.stringify({ ...measured, trialDays: 14, ready: false, caveats: ["weekdayMix"] }));
    if (req.method === "POST") return res.end(JSON.stringify({ ...measured, recordedAt: "2024-04-02T10:00:00.000Z" }));
    res.end(JSON.stringify(measured));
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

describe("the measured effect on an idea", () => {
  it("shows before, after, the change with its interval and the verdict, and records the result", async () => {
    renderWithI18n(<IdeaKpiEffect workspaceId="w1" ideaId="idea1" canRecord />);
    const row = await screen.findByTestId("kpi-effect-row");
    expect(row.getAttribute("data-verdict")).toBe("improved");
    expect(row.textContent).toContain("30%");
    expect(row.textContent).toContain("+30%");
    expect(row.textContent).toContain("95% interval +23% to +37%");
    expect(row.textContent).toContain("Improved");
    await userEvent.click(screen.getByRole("button", { name: "Record the result" }));
    expect(await screen.findByText(/Recorded on/)).toBeTruthy();
    expect(requests).toContain("POST /api/workspaces/w1/ideas/idea1/kpi-effect?trialDays=28");
  });

  it("compares another number of days before the ship date, with the server's own caveat and a KPI's problem", async () => {
    renderWithI18n(<IdeaKpiEffect workspaceId="w1" ideaId="idea1" canRecord />);
    await screen.findByTestId("kpi-effect-row");
    const before = screen.getByRole("combobox", { name: "Compared with (days before shipping)" });
    expect((before as HTMLSelectElement).value).toBe("");
    await userEvent.selectOptions(before, "56");
    expect(await screen.findByText("56 days before against 28 after: compared per day.")).toBeTruthy();
    const row = await screen.findByText("Its step is gone.");
    expect(row.closest("tr")?.getAttribute("data-verdict")).toBe("notEnoughData");
    expect(requests).toContain("GET /api/workspaces/w1/ideas/idea1/kpi-effect?beforeDays=56&afterDays=28");
  });

  it("says when the trial period ends and why the windows may differ, in Persian", async () => {
    renderWithI18n(<IdeaKpiEffect workspaceId="w1" ideaId="idea1" canRecord />, "fa");
    await screen.findByTestId("kpi-effect-row");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "دورهٔ آزمایشی (روز)" }), "14");
    expect(await screen.findByText(/دورهٔ آزمایشی ۱۴ روزه/)).toBeTruthy();
    expect(screen.getByText(/روزهای هفته/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "ثبت نتیجه" })).toBeNull();
  });
});
