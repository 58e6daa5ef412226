// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { UiLocale } from "../i18n/locales.js";
import { DatePicker } from "./DatePicker.js";
import { renderWithI18n } from "./testing/renderWithI18n.js";

afterEach(cleanup);
// The calendars are a chunk of their own that loads as a picker is about to open (the e2e checks that in Chromium).
// Loaded here first: compiling react-day-picker and its Persian build on a busy machine took longer than a query waits.
beforeAll(async () => {
  await import("./DatePickerCalendar.js");
});

function Field({ initial, onPick }: { initial: string; onPick?: (day: string) => void }) {
  const [day, setDay] = useState(initial);
  return (
    <label>
      Date
      <DatePicker
        value={day}
        testId="date"
        onChange={(next) => {
          setDay(next);
          onPick?.(next);
        }}
      />
    </label>
  );
}

const render = (locale: UiLocale, initial: string, onPick?: (day: string) => void) =>
  renderWithI18n(<Field initial={initial} onPick={onPick} />, locale);

describe("date picker", () => {
  it("writes the date the language's way, never mm/dd/yyyy, and says when there is none", () => {
    render("ru", "2026-03-05");
    expect(screen.getByTestId("date").textContent).toBe("5 мар. 2026 г.");
    cleanup();
    render("zh-Hans", "");
    expect(screen.getByTestId("date").textContent).toBe("未选日期");
  });

  it("shows a Persian date in the Solar Hijri calendar with Persian digits", () => {
    render("fa", "2026-03-21");
    // 21 March 2026 is 1 Farvardin 1405, the Persian new year.
    expect(screen.getByTestId("date").textContent).toBe("۱ فروردین ۱۴۰۵");
  });

  it("opens a Solar Hijri month in Persian and still picks the Gregorian day", async () => {
    const picked: string[] = [];
    render("fa", "2026-03-21", (day) => picked.push(day));
    await userEvent.setup().click(screen.getByTestId("date"));
    // The grid is Farvardin 1405 (not March 2026): its second day is 22 March.
    expect(await screen.findByText("فروردین ۱۴۰۵")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: /\s۲-ام فروردین ۱۴۰۵$/ }));
    expect(picked).toEqual(["2026-03-22"]);
  });

  it("opens a month in the UI language and picks a day as YYYY-MM-DD", async () => {
    const picked: string[] = [];
    render("ru", "2026-03-05", (day) => picked.push(day));
    const user = userEvent.setup();
    await user.click(screen.getByTestId("date"));
    expect(await screen.findByText(/март 2026/i)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /12 марта 2026/ }));
    expect(picked).toEqual(["2026-03-12"]);
    expect(screen.getByTestId("date").textContent).toBe("12 мар. 2026 г.");
  });

  it("clears the date back to none", async () => {
    const picked: string[] = [];
    render("en", "2026-03-05", (day) => picked.push(day));
    const user = userEvent.setup();
    await user.click(screen.getByTestId("date"));
    await user.click(screen.getByRole("button", { name: "Clear" }));
    expect(picked).toEqual([""]);
    expect(screen.getByTestId("date").textContent).toBe("No date");
  });
});
