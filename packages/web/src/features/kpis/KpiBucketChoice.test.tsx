// @vitest-environment jsdom
import type { KpiBucket, MapKpiSeries } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { EvidenceContext, type EvidenceState } from "../evidence/map/EvidenceContext.js";
import { KpiBucketChoice } from "./KpiBucketChoice.js";
import { LinkedKpiCard } from "./KpiCardData.js";

/** The series the server answers: one point per period of the bucket asked for. */
const seriesFor = (bucket: KpiBucket): MapKpiSeries => ({
  kpis: [
    {
      id: "k1",
      workspaceId: "w1",
      anchor: { kind: "step", mapId: "m1", stepId: "s1" },
      source: { kind: "data", measure: "reach" },
      name: "Customers seeing the ad",
      unit: "",
      direction: "higher",
      target: null,
      ownerId: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
    },
  ],
  series: [
    {
      kpiId: "k1",
      bucket,
      from: "2026-01-01",
      to: "2026-03-01",
      points: [
        { start: "2026-01-01T00:00:00.000Z", end: "2026-01-02T00:00:00.000Z", value: 10, sample: 10 },
        { start: "2026-01-02T00:00:00.000Z", end: "2026-01-03T00:00:00.000Z", value: 12, sample: 12 },
      ],
      manualValues: [],
      problem: null,
    },
  ],
});

let server: Server;
const realFetch = globalThis.fetch;
const asked: KpiBucket[] = [];
beforeEach(async () => {
  asked.length = 0;
  localStorage.clear();
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const bucket = (JSON.parse(raw) as { bucket: KpiBucket }).bucket;
      asked.push(bucket);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(seriesFor(bucket)));
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

/** The map editor's data view as the KPI cards see it (filters off). */
const evidence = (mapId: string) =>
  ({ workspaceId: "w1", mapId, filters: { channels: [] } }) as unknown as EvidenceState;

const renderCard = (mapId: string, locale: UiLocale = "en") =>
  renderWithI18n(
    <EvidenceContext.Provider value={evidence(mapId)}>
      <LinkedKpiCard kpiId="k1" workspaceId="w1" fallback={<p>typed</p>} frame={(live) => live} />
    </EvidenceContext.Provider>,
    locale,
  );

describe("the periods of a map's KPIs", () => {
  it("are weeks until days or months are chosen in a chart, which the card follows and the map remembers", async () => {
    renderCard("m1", "ru");
    expect((await screen.findByTestId("kpi-bucket-shown")).textContent).toBe("По неделям");
    expect(asked).toEqual(["week"]);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Показать график" }));
    const dialog = screen.getByRole("dialog");
    const choice = within(dialog).getByRole("combobox", { name: "Периоды" });
    expect([...(choice as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "По дням",
      "По неделям",
      "По месяцам",
    ]);
    await user.selectOptions(choice, "day");
    // The chart stays open while the daily series loads, and the card under it shows days too.
    await screen.findByText("По дням", { selector: "[data-testid=kpi-bucket-shown]" });
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(asked).toEqual(["week", "day"]);

    // Opening the map again on this device: days. Another map: still weeks.
    cleanup();
    renderCard("m1");
    expect((await screen.findByTestId("kpi-bucket-shown")).textContent).toBe("Daily");
    cleanup();
    renderCard("m2", "fa");
    expect((await screen.findByTestId("kpi-bucket-shown")).textContent).toBe("هفتگی");
  });

  it("are named in every language", () => {
    const names: Record<UiLocale, string[]> = {
      en: ["Periods", "Daily", "Weekly", "Monthly"],
      "zh-Hant": ["週期", "按日", "按週", "按月"],
      "zh-Hans": ["周期", "按日", "按周", "按月"],
      ru: ["Периоды", "По дням", "По неделям", "По месяцам"],
      fa: ["دوره‌ها", "روزانه", "هفتگی", "ماهانه"],
    };
    for (const [locale, [label, ...options]] of Object.entries(names) as [UiLocale, string[]][]) {
      renderWithI18n(
        <EvidenceContext.Provider value={evidence("m4")}>
          <KpiBucketChoice />
        </EvidenceContext.Provider>,
        locale,
      );
      const choice = screen.getByRole("combobox", { name: label }) as HTMLSelectElement;
      expect([...choice.options].map((o) => o.textContent)).toEqual(options);
      cleanup();
    }
  });
});
