// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { EmotionLegend } from "./EmotionLegend.js";

afterEach(cleanup);

describe("emotion lane legend", () => {
  it("shows each persona's photo, or its generated avatar, ringed in its line colour", () => {
    renderWithI18n(
      <EmotionLegend
        personas={[
          { id: "p1", name: "Mina", color: "rgb(200, 30, 30)", photoUrl: "/api/workspaces/w/personas/p1/photo" },
          { id: "p2", name: "Omid", color: "rgb(30, 30, 200)" },
        ]}
        activeId="p1"
        scale={{ min: -3, max: 3, minLabel: "", maxLabel: "" }}
      />,
    );
    const [mina, omid] = screen.getAllByTestId("emotion-persona-photo");
    expect(mina!.querySelector("img")?.getAttribute("src")).toBe("/api/workspaces/w/personas/p1/photo");
    expect((mina!.firstElementChild as HTMLElement).style.borderColor).toBe("rgb(200, 30, 30)");
    expect(omid!.querySelector("[data-testid=generated-avatar]")?.textContent).toBe("OM");
  });
});
