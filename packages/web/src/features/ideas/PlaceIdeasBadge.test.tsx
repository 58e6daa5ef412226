// @vitest-environment jsdom
import type { Idea, IdeaLink } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { ideaFixture } from "./ideaFixtures.js";
import { IdeaLinksProvider } from "./IdeaLinksProvider.js";
import { PlaceIdeasBadge } from "./PlaceIdeasBadge.js";

const anchor = (fields: Partial<IdeaLink>): IdeaLink => ({
  mapId: "m1",
  mapTitle: "Checkout",
  cardId: null,
  stepId: "s1",
  laneId: null,
  stageId: "st1",
  kind: "step",
  label: "Pricing",
  missing: false,
  ...fields,
});
const IDEAS: Idea[] = [
  ideaFixture({ id: "i1", title: "Show delivery costs", anchors: [anchor({})] }),
  ideaFixture({ id: "i2", title: "Explain the fees", anchors: [anchor({ kind: "cell", laneId: "l1" })] }),
  ideaFixture({
    id: "i3",
    title: "A calculator",
    status: "approved",
    anchors: [anchor({ kind: "cell", laneId: "l1" })],
  }),
  // Anchored to a card, to a step since removed, and to another map: none of them is a cell's or step's badge.
  ideaFixture({ id: "i4", title: "On a card", anchors: [anchor({ kind: "painPoint", cardId: "c1" })] }),
  ideaFixture({ id: "i5", title: "Gone", anchors: [anchor({ stepId: "s2", missing: true })] }),
  ideaFixture({ id: "i6", title: "Elsewhere", anchors: [anchor({ mapId: "m2" })] }),
];

/** The API of the workspace's ideas as a real HTTP server: the map's ideas, and empty answers for the editor's lists. */
let server: Server;
const realFetch = globalThis.fetch;
beforeEach(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url?.endsWith("/evidence")) return res.end(JSON.stringify({ steps: [], unmeasured: [] }));
    res.end(JSON.stringify(req.url?.startsWith("/api/workspaces/w1/ideas?mapId=m1") ? IDEAS : []));
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

const renderMap = (locale: UiLocale = "en") =>
  renderWithI18n(
    <IdeaLinksProvider workspaceId="w1" mapId="m1" canWrite={false}>
      <div data-testid="step-header">
        <PlaceIdeasBadge stepId="s1" label="Pricing" />
      </div>
      <div data-testid="cell">
        <PlaceIdeasBadge stepId="s1" laneId="l1" label="Actions · Pricing" />
      </div>
      <div data-testid="removed-step">
        <PlaceIdeasBadge stepId="s2" label="Old step" />
      </div>
    </IdeaLinksProvider>,
    locale,
  );

describe("ideas anchored to a step or a cell, on the map", () => {
  it("show as a badge on the step header that opens the idea", async () => {
    renderMap();
    const badge = await within(screen.getByTestId("step-header")).findByTestId("place-idea-count");
    expect(badge.getAttribute("aria-label")).toBe("1 idea linked to “Pricing”");
    expect(screen.queryByTestId("removed-step")!.childElementCount).toBe(0);
    await userEvent.setup().click(badge);
    const dialog = await screen.findByTestId("idea-dialog");
    expect((within(dialog).getByLabelText("Title") as HTMLInputElement).value).toBe("Show delivery costs");
  });

  it("list a cell's several ideas to pick the one to open, in the reader's language", async () => {
    renderMap("ru");
    const badge = await within(screen.getByTestId("cell")).findByTestId("place-idea-count");
    expect(badge.textContent).toContain("2");
    expect(badge.getAttribute("aria-label")).toBe("2 идеи связаны с «Actions · Pricing»");
    const user = userEvent.setup();
    await user.click(badge);
    expect(await screen.findByText("Идеи, связанные с «Actions · Pricing»")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /A calculator/ }));
    const dialog = await screen.findByTestId("idea-dialog");
    expect((within(dialog).getByLabelText("Название") as HTMLInputElement).value).toBe("A calculator");
  });
});
