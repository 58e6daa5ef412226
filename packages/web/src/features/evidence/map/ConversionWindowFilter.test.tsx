// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderIn } from "../testing/evidenceTestKit.js";
import { ConversionWindowFilter } from "./ConversionWindowFilter.js";
import { metricsRequest } from "./EvidenceProvider.js";
import { storeConversionWindow, storedConversionWindow } from "./storedConversionWindow.js";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe("the data bar's conversion window", () => {
  it("is none by default and applies a number of days as hours when the field is left", () => {
    const onChange = vi.fn();
    renderIn(<ConversionWindowFilter hours={undefined} onChange={onChange} />);
    const field = screen.getByTestId("filter-window") as HTMLInputElement;
    expect(field.value).toBe("");
    expect(field.placeholder).toBe("none");
    fireEvent.change(screen.getByTestId("filter-window-unit"), { target: { value: "days" } });
    // Choosing the unit of an empty field changes nothing: still no window.
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: "14" } });
    // Typing alone asks for nothing (no request per keystroke).
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(field);
    expect(onChange).toHaveBeenCalledWith(336);
  });

  it("shows a whole number of days as days, and emptying the field means no window again", () => {
    const onChange = vi.fn();
    renderIn(<ConversionWindowFilter hours={72} onChange={onChange} />, "ru");
    const field = screen.getByTestId("filter-window") as HTMLInputElement;
    expect(field.value).toBe("3");
    expect((screen.getByTestId("filter-window-unit") as HTMLSelectElement).value).toBe("days");
    expect(screen.getByRole("group").textContent).toContain("Окно конверсии");
    fireEvent.change(field, { target: { value: "" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it("switching the unit re-reads the number typed: 36 hours, then 36 days", () => {
    const onChange = vi.fn();
    renderIn(<ConversionWindowFilter hours={36} onChange={onChange} />);
    expect((screen.getByTestId("filter-window") as HTMLInputElement).value).toBe("36");
    fireEvent.change(screen.getByTestId("filter-window-unit"), { target: { value: "days" } });
    expect(onChange).toHaveBeenCalledWith(864);
  });

  it("is sent with the data requests only when chosen, and remembered per map on this device", () => {
    expect(metricsRequest({ channels: [] })).toEqual({ filters: {} });
    expect(metricsRequest({ channels: ["email"], windowHours: 720 })).toEqual({
      filters: { channels: ["email"] },
      options: { conversionWindowHours: 720 },
    });
    expect(storedConversionWindow("map_a")).toBeUndefined();
    storeConversionWindow("map_a", 720);
    expect([storedConversionWindow("map_a"), storedConversionWindow("map_b")]).toEqual([720, undefined]);
    storeConversionWindow("map_a", undefined);
    expect(storedConversionWindow("map_a")).toBeUndefined();
  });
});
