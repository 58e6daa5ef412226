// @vitest-environment jsdom
import type { MatrixPosition } from "@opencjm/core";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ideaFixture } from "./ideaFixtures.js";
import { ImpactEffortMatrix } from "./ImpactEffortMatrix.js";

afterEach(cleanup);

const ideas = [
  ideaFixture({ id: "a", title: "Show costs early", matrix: { impact: 0.8, effort: 0.2 } }),
  ideaFixture({ id: "b", title: "Rebuild checkout", matrix: null }),
];

function renderMatrix(locale: "en" | "fa" = "en") {
  const moves: Array<[string, MatrixPosition]> = [];
  renderWithI18n(<ImpactEffortMatrix ideas={ideas} onMove={(id, p) => moves.push([id, p])} />, locale);
  // jsdom lays nothing out: give the matrix a 400 × 200 box at the page's corner.
  const area = screen.getByTestId("idea-matrix-area");
  area.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width: 400,
    height: 200,
    right: 400,
    bottom: 200,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return moves;
}

describe("the impact/effort matrix", () => {
  it("names each idea's place and quadrant, and offers to place the ones not on it yet", () => {
    renderMatrix();
    const dot = screen.getByTestId("matrix-idea");
    expect(dot.getAttribute("aria-label")).toBe("Show costs early: impact 80 %, effort 20 %, Quick win");
    expect(screen.getByRole("button", { name: "Place on the matrix" })).toBeTruthy();
  });

  it("moves a focused idea with the arrow keys, one tenth at a time", async () => {
    const user = userEvent.setup();
    const moves = renderMatrix();
    screen.getByTestId("matrix-idea").focus();
    await user.keyboard("{ArrowRight}");
    await user.keyboard("{ArrowDown}");
    expect(moves).toEqual([
      ["a", { impact: 0.8, effort: 0.3 }],
      ["a", { impact: 0.7, effort: 0.2 }],
    ]);
  });

  it("mirrors the effort axis in Persian: the left arrow means more effort", async () => {
    const user = userEvent.setup();
    const moves = renderMatrix("fa");
    screen.getByTestId("matrix-idea").focus();
    await user.keyboard("{ArrowLeft}");
    expect(moves).toEqual([["a", { impact: 0.8, effort: 0.3 }]]);
  });

  it("drops a dragged idea where the pointer lets go", () => {
    const moves = renderMatrix();
    const dot = screen.getByTestId("matrix-idea");
    fireEvent.pointerDown(dot, { pointerId: 1, clientX: 80, clientY: 40 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: 300, clientY: 150 });
    expect(dot.getAttribute("data-quadrant")).toBe("moneyPit");
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: 300, clientY: 150 });
    expect(moves).toEqual([["a", { impact: 0.25, effort: 0.75 }]]);
  });

  it("places an idea at the centre, from where the keys move it", async () => {
    const user = userEvent.setup();
    const moves = renderMatrix();
    await user.click(screen.getByRole("button", { name: "Place on the matrix" }));
    expect(moves).toEqual([["b", { impact: 0.5, effort: 0.5 }]]);
  });
});
