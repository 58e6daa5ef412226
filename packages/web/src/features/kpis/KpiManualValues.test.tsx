// @vitest-environment jsdom
import type { Kpi, KpiValue } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { fetchKpiSeries, kpiSeriesKey } from "./kpiListApi.js";
import { KpiManualValues } from "./KpiManualValues.js";
import { today } from "./KpiValueForm.js";

const KPI: Kpi = {
  id: "k1",
  workspaceId: "w1",
  anchor: { kind: "workspace" },
  source: { kind: "manual" },
  name: "Store visits",
  unit: "",
  direction: "higher",
  target: null,
  ownerId: null,
  createdAt: "",
  updatedAt: "",
};

/**
 * A real HTTP server keeping the KPI's values as the API does: the series answer lists them, POST adds one, DELETE
 * removes one or answers 404 with the API's sentence. `requests` keeps what the screen asked, in order.
 */
let server: Server;
let values: KpiValue[];
let requests: string[];
const realFetch = globalThis.fetch;
beforeEach(async () => {
  values = [
    { id: "v1", date: "2024-01-08", value: 1200, note: "" },
    { id: "v2", date: "2024-01-15", value: 1350.5, note: "" },
  ];
  requests = [];
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const path = req.url ?? "";
      if (req.method !== "POST" || !path.endsWith("/series")) requests.push(`${req.method} ${path} ${body}`.trim());
      if (path.endsWith("/series"))
        return json(200, {
          kpiId: "k1",
          bucket: "week",
          from: "",
          to: "",
          points: [],
          manualValues: values,
          problem: null,
        });
      if (req.method === "POST") {
        const value = {
          id: `v${values.length + 10}`,
          note: "",
          ...(JSON.parse(body) as { date: string; value: number }),
        };
        values.push(value);
        return json(201, value);
      }
      const id = path.split("/").at(-1);
      if (!values.some((v) => v.id === id))
        return json(404, { error: { code: "not_found", message: "KPI value not found", issues: [] } });
      values = values.filter((v) => v.id !== id);
      json(200, { ok: true });
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

const LOADED = { timeout: 15_000 };

/** The values as the KPI list's dialog shows them: from the KPI's series, asked again after every change. */
function Harness() {
  const series = useQuery({
    queryKey: kpiSeriesKey("k1", { bucket: "week" }),
    queryFn: () => fetchKpiSeries("w1", "k1", { bucket: "week" }),
  });
  if (!series.data) return null;
  return <KpiManualValues workspaceId="w1" kpi={KPI} values={series.data.manualValues} canWrite />;
}

async function open(locale: UiLocale = "en") {
  renderWithI18n(<Harness />, locale);
  await screen.findByTestId("kpi-manual-values", undefined, LOADED);
}
const rows = () =>
  screen.queryAllByTestId("kpi-value-row").map((r) => [...r.children].slice(0, 2).map((c) => c.textContent));

describe("values of a KPI entered by hand", () => {
  it("lists them newest first and adds one for a day, typed the language's way", async () => {
    const user = userEvent.setup();
    await open();
    expect(rows()).toEqual([
      ["Jan 15, 2024", "1,350.5"],
      ["Jan 8, 2024", "1,200"],
    ]);
    const add = screen.getByTestId("kpi-value-add");
    expect(within(add).getByLabelText("Date").getAttribute("data-value")).toBe(today());
    await user.type(within(add).getByLabelText("Value"), "1,400.25");
    await user.click(within(add).getByRole("button", { name: "Add value" }));
    await expect.poll(() => rows().length, LOADED).toBe(3);
    expect(requests).toEqual([`POST /api/workspaces/w1/kpis/k1/values {"date":"${today()}","value":1400.25}`]);
    expect(rows()[0]![1]).toBe("1,400.25");
    // The form is ready for the next value.
    expect((within(screen.getByTestId("kpi-value-add")).getByLabelText("Value") as HTMLInputElement).value).toBe("");
  });

  it("refuses a value that is not a number without asking the server", async () => {
    const user = userEvent.setup();
    await open();
    const add = screen.getByTestId("kpi-value-add");
    await user.type(within(add).getByLabelText("Value"), "lots");
    await user.click(within(add).getByRole("button", { name: "Add value" }));
    expect(screen.getByRole("alert").textContent).toBe("Enter a number.");
    expect(requests).toEqual([]);
  });

  it("changes a value: the new one is saved before the old one is removed", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByRole("button", { name: "Edit the value of Jan 8, 2024" }));
    const edit = screen.getByTestId("kpi-value-edit");
    expect(within(edit).getByLabelText("Date").getAttribute("data-value")).toBe("2024-01-08");
    const input = within(edit).getByLabelText("Value");
    expect((input as HTMLInputElement).value).toBe("1200");
    await user.clear(input);
    await user.type(input, "1250");
    await user.click(within(edit).getByRole("button", { name: "Save" }));
    await expect.poll(() => screen.queryByTestId("kpi-value-edit"), LOADED).toBeNull();
    await expect.poll(rows, LOADED).toEqual([
      ["Jan 15, 2024", "1,350.5"],
      ["Jan 8, 2024", "1,250"],
    ]);
    expect(requests).toEqual([
      'POST /api/workspaces/w1/kpis/k1/values {"date":"2024-01-08","value":1250}',
      "DELETE /api/workspaces/w1/kpis/k1/values/v1",
    ]);
  });

  it("deletes a value, and says so in the server's words when it was already gone", async () => {
    const user = userEvent.setup();
    await open();
    await user.click(screen.getByRole("button", { name: "Delete the value of Jan 15, 2024" }));
    await expect.poll(rows, LOADED).toEqual([["Jan 8, 2024", "1,200"]]);
    values = []; // a colleague deleted the other one meanwhile
    await user.click(screen.getByRole("button", { name: "Delete the value of Jan 8, 2024" }));
    const alert = await screen.findByRole("alert", undefined, LOADED);
    expect(alert.textContent).toBe("Could not save the value: KPI value not found");
    await expect.poll(rows, LOADED).toEqual([]);
    expect(screen.getByText("No values yet.")).toBeTruthy();
  });

  it("writes days in the Persian calendar and numbers in Persian digits, and reads Persian digits typed", async () => {
    const user = userEvent.setup();
    await open("fa");
    const [first] = rows();
    expect(first![0]).toMatch(/^[۰-۹]+ [^\d]+ [۰-۹]+$/);
    expect(first![0]).toContain("۱۴۰۲");
    expect(first![1]).toBe("۱٬۳۵۰٫۵");
    const add = screen.getByTestId("kpi-value-add");
    await user.type(within(add).getByLabelText("مقدار"), "۱۲٫۵");
    await user.click(within(add).getByRole("button", { name: "افزودن مقدار" }));
    await expect.poll(() => rows().length, LOADED).toBe(3);
    expect(requests[0]).toContain('"value":12.5');
  });
});
