// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderCell } from "../../testing/renderCell.js";

afterEach(cleanup);

describe("channel cards", () => {
  it("picks channels from the catalogue and draws each with its icon and online marker", async () => {
    const cell = renderCell("channels", { editing: true });
    await cell.user.keyboard("mail{Enter}");
    await cell.user.keyboard("TV{Enter}{Escape}");
    expect(cell.cards()).toMatchObject([
      { kind: "channel", channelId: "email" },
      { kind: "channel", channelId: "tv" },
    ]);
    const shown = screen.getByTestId("cell-lane-cart");
    expect([...shown.querySelectorAll("[data-icon]")].map((i) => i.getAttribute("data-icon"))).toEqual(["mail", "tv"]);
    expect(
      within(shown)
        .getAllByRole("img", { name: /line$/ })
        .map((i) => i.getAttribute("aria-label")),
    ).toEqual(["Online", "Offline"]);
  });

  it("names built-in channels in the user's language and finds them by it", async () => {
    const cell = renderCell("channels", { locale: "fa", editing: true });
    await cell.user.keyboard("پیامک{Enter}{Escape}");
    expect(cell.cards()).toMatchObject([{ channelId: "sms" }]);
    expect(screen.getByText("پیامک")).toBeTruthy();
  });
});
