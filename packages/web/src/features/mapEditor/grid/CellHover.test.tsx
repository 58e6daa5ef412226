// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { CommentBadgesContext, type CommentBadges } from "../../comments/CommentsContext.js";
import { renderEditorGrid } from "../testing/renderEditorGrid.js";

afterEach(cleanup);

const badges: CommentBadges = {
  openCounts: new Map([["cell:pains:cart", 2]]),
  canComment: true,
  open: () => {},
};

const renderWithComments = () =>
  renderEditorGrid({
    around: (grid) => <CommentBadgesContext.Provider value={badges}>{grid}</CommentBadgesContext.Provider>,
  });

const offersOnCard = () => screen.queryByRole("button", { name: "Comment on Clicks the ad" });
const offersOnCell = () => screen.queryByRole("button", { name: "Comment on Actions · Sees an ad" });

describe("what a cell offers to start", () => {
  it("offers a new thread only on the cell under the pointer, and always shows the threads already open", async () => {
    const user = userEvent.setup();
    const { cell, focus } = renderWithComments();
    // The grid's focus starts on its first cell, the card's: put it elsewhere to see the pointer alone.
    act(() => focus.set({ kind: "cell", laneId: "back", stepId: "pay" }));
    expect(offersOnCard()).toBeNull();
    expect(offersOnCell()).toBeNull();
    expect(screen.getByRole("button", { name: "2 open threads on Pain points · Fills the cart" })).toBeTruthy();

    await user.hover(screen.getByText("Clicks the ad"));
    expect(offersOnCard()).toBeTruthy();
    expect(offersOnCell()).toBeTruthy();

    await user.hover(cell("pains", "cart"));
    expect(offersOnCard()).toBeNull();
    expect(offersOnCell()).toBeNull();
    expect(screen.getByRole("button", { name: "2 open threads on Pain points · Fills the cart" })).toBeTruthy();
  });

  it("offers them on the cell holding the grid's focus, so the keyboard reaches them without a pointer", () => {
    const { focus } = renderWithComments();
    act(() => focus.set({ kind: "cell", laneId: "actions", stepId: "ad" }, false, true));
    expect(offersOnCard()).toBeTruthy();
    expect(offersOnCell()).toBeTruthy();
    act(() => focus.set({ kind: "cell", laneId: "pains", stepId: "ad" }, false, true));
    expect(offersOnCard()).toBeNull();
  });
});
