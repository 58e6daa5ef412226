// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { FutureStateNotice } from "./FutureStateNotice.js";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "");
});

describe("after creating a future state", () => {
  it("says the editor now shows the copy, and links back to the map it was made from", () => {
    window.history.replaceState({ futureStateOf: { mapId: "m_original", title: "Checkout" } }, "");
    renderWithI18n(<FutureStateNotice workspaceId="w1" />);
    expect(screen.getByRole("status").textContent).toContain("future-state copy of “Checkout”");
    const back = screen.getByRole("link", { name: "Back to “Checkout”" });
    expect(back.getAttribute("href")).toBe("/w/w1/maps/m_original");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("says nothing on a map opened any other way", () => {
    renderWithI18n(<FutureStateNotice workspaceId="w1" />, "ru");
    expect(screen.queryByTestId("future-state-notice")).toBeNull();
  });
});
