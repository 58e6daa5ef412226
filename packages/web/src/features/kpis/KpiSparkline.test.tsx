// @vitest-environment jsdom
import type { KpiPoint } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { KpiChart } from "./KpiChart.js";
import { KpiSparkline } from "./KpiSparkline.js";

afterEach(cleanup);

const week = (i: number, value: number | null): KpiPoint => ({
  start: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString(),
  end: new Date(Date.UTC(2024, 0, 8 + 7 * i)).toISOString(),
  value,
  sample: value === null ? 0 : 100,
});
const POINTS = [week(0, 0.2), week(1, 0.3), week(2, null), week(3, 0.5)];
const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

/** The x of each point the line goes through, in drawing order. */
const xs = (d: string) => [...d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));

describe("KPI sparkline and chart", () => {
  it("draws the trend with a gap where a week has no value, and names every value for screen readers", () => {
    renderWithI18n(<KpiSparkline name="Conversion" points={POINTS} target={0.4} format={percent} />);
    const svg = screen.getByRole("img", { name: "Trend of Conversion: 20%, 30%, —, 50%" });
    const d = svg.querySelector("path")!.getAttribute("d")!;
    // Two runs: the first two weeks, then (after the gap) the last one.
    expect(d.match(/M/g)).toHaveLength(2);
    expect(xs(d)).toEqual([...xs(d)].sort((a, b) => a - b));
  });

  it("runs time from right to left in Persian", () => {
    renderWithI18n(<KpiSparkline name="تبدیل" points={POINTS} target={null} format={percent} />, "fa");
    const d = screen.getByTestId("kpi-sparkline").querySelector("path")!.getAttribute("d")!;
    const [first, second] = xs(d);
    expect(first!).toBeGreaterThan(second!);
  });

  it("shows the target line on the chart and every period in its table", async () => {
    renderWithI18n(<KpiChart name="Conversion" points={POINTS} target={0.4} bucket="week" format={percent} />);
    expect(screen.getByRole("img", { name: "Conversion over time" })).toBeTruthy();
    const target = screen.getByTestId("kpi-chart-target");
    expect(target.textContent).toBe("Target 40%");
    // The target (0.4) sits between the lowest (0.2) and the highest (0.5) value.
    const y = Number(target.querySelector("line")!.getAttribute("y1"));
    const circles = [...screen.getByTestId("kpi-chart").querySelectorAll("circle")].map((c) =>
      Number(c.getAttribute("cy")),
    );
    expect(y).toBeLessThan(Math.max(...circles));
    expect(y).toBeGreaterThan(Math.min(...circles));

    await userEvent.click(screen.getByRole("button", { name: "Show as table" }));
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Jan 1, 2024", "20%", "100"],
      ["Jan 8, 2024", "30%", "100"],
      ["Jan 15, 2024", "—", "0"],
      ["Jan 22, 2024", "50%", "100"],
    ]);
    expect(screen.queryByTestId("kpi-chart")).toBeNull();
  });

  it("writes dates and numbers in Persian in the table", async () => {
    renderWithI18n(<KpiChart name="تبدیل" points={POINTS} target={null} bucket="month" format={percent} />, "fa");
    await userEvent.click(screen.getByRole("button", { name: "نمایش به‌صورت جدول" }));
    const firstRow = screen.getAllByRole("row")[1]!;
    expect(firstRow.lastElementChild!.textContent).toBe("۱۰۰");
  });
});
