// @vitest-environment jsdom
import type { Card, IdeaAnchorInput } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ideaFixture } from "./ideaFixtures.js";
import { IdeaBadge } from "./IdeaBadge.js";
import { IdeaLinksContext } from "./IdeaLinksContext.js";

afterEach(cleanup);

const pain = { id: "c1", kind: "painPoint", text: "Fees show late", severity: 4 } as unknown as Card;

function renderBadge(canWrite: boolean, linked: number) {
  const started: Array<Omit<IdeaAnchorInput, "mapId">> = [];
  const ideas = Array.from({ length: linked }, (_, i) => ideaFixture({ id: `i${i}`, title: `Idea ${i}` }));
  renderWithI18n(
    <IdeaLinksContext.Provider
      value={{
        workspaceId: "ws",
        mapId: "m1",
        canWrite,
        ideasByCard: new Map([["c1", ideas]]),
        ideasByPlace: new Map(),
        open: () => undefined,
        create: (anchor) => started.push(anchor),
      }}
    >
      <IdeaBadge card={pain} label="Fees show late" />
    </IdeaLinksContext.Provider>,
  );
  return started;
}

describe("a card's idea badge", () => {
  it("counts the ideas linked to the card and leads to them in the backlog of this map", () => {
    renderBadge(false, 2);
    const link = screen.getByTestId("card-idea-count");
    expect(link.getAttribute("aria-label")).toBe("2 ideas linked to “Fees show late”");
    expect(link.getAttribute("href")).toBe("/w/ws/ideas?mapId=m1");
    expect(screen.queryByTestId("create-idea")).toBeNull();
  });

  it("lets a writer start an idea anchored to the pain point", async () => {
    const started = renderBadge(true, 0);
    expect(screen.queryByTestId("card-idea-count")).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "Create an idea from “Fees show late”" }));
    expect(started).toEqual([{ cardId: "c1" }]);
  });
});
