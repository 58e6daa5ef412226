/// <reference lib="dom" />
import { templateMapWithCard } from "@opencjm/server/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { RAW_KEY } from "./pages/appServer.js";
import { IdeasScreen } from "./pages/IdeasScreen.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe("ideas in a real browser", () => {
  let browser: Browser;
  let fx: EditorFixture;

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it("an editor creates an idea from a pain point, links a KPI, scores it, moves it on the matrix, ships it, sees its effect, and finds it in the backlog and on the card", async () => {
    const pain = { kind: "painPoint", text: "Where does the customer get stuck or annoyed?", severity: 3 } as const;
    const mapId = await fx.createMap({
      snapshot: templateMapWithCard("awareness-consideration-decision", "painPoints", pain),
    });
    // A KPI of the workspace, entered by hand and with no values yet, for the idea to move.
    await fx.api(fx.owner, "POST", `/api/workspaces/${fx.workspaceId}/kpis`, {
      anchor: { kind: "workspace" },
      source: { kind: "manual" },
      name: "Delivery cost complaints",
      direction: "lower",
    });
    const context = await fx.context(browser, fx.editor);
    const editor = await new MapEditorPage(await context.newPage()).open(fx.server.url, fx.workspaceId, mapId);
    const ideas = new IdeasScreen(editor.page);
    const painId = (await editor.page.locator("[data-kind=painPoint]").first().getAttribute("data-card-id"))!;

    // From the pain point on the map: a new idea anchored to it, scored with ICE, with the KPI it should move.
    await ideas.createFromCard(painId);
    await ideas.linkKpi("Delivery cost complaints");
    await ideas.fillAndSave("Show delivery costs on the product page", [7, 5, 8]);
    await eventually(() => ideas.cardCount(painId).innerText()).toContain("1");

    // The backlog ranks it with its score and formula.
    await ideas.open(fx.server.url, fx.workspaceId);
    const row = ideas.row("Show delivery costs on the product page");
    await eventually(() => row.innerText()).toContain("280");
    expect(await row.innerText()).toContain("impact 7 × confidence 5 × ease 8");
    // Beside the score, the evidence at the pain point's step (this workspace has no customer data yet).
    await eventually(() => row.getByTestId("backlog-evidence").innerText()).toBe(
      "Notices the problem: 0 reach it, 0 leave there, sentiment n/a, quotes: 0, research notes: 0",
    );

    // On the matrix: placed, then moved with the keys into the quick wins, then dragged into the big bets.
    await editor.page.getByRole("button", { name: "Place on the matrix" }).click();
    const dot = ideas.matrixIdea("Show delivery costs on the product page");
    await dot.waitFor();
    await dot.focus();
    await editor.page.keyboard.press("ArrowUp");
    await eventually(() => dot.getAttribute("data-quadrant")).toBe("bigBet");
    await dot.focus();
    await editor.page.keyboard.press("ArrowLeft");
    await eventually(() => dot.getAttribute("data-quadrant")).toBe("quickWin");
    const area = (await editor.page.getByTestId("idea-matrix-area").boundingBox())!;
    const from = (await dot.boundingBox())!;
    await editor.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await editor.page.mouse.down();
    await editor.page.mouse.move(area.x + area.width * 0.85, area.y + area.height * 0.15, { steps: 5 });
    await editor.page.mouse.up();
    await eventually(() => dot.getAttribute("data-quadrant")).toBe("bigBet");

    // Through the workflow to shipped, each change dated today by default; the history keeps each step.
    await ideas.openIdea("Show delivery costs on the product page");
    for (const next of ["Approved", "In progress", "Shipped"]) {
      await ideas.dialog.getByRole("button", { name: `Mark as ${next}` }).click();
      await eventually(() => ideas.dialog.getByTestId("idea-status").innerText()).toContain(`Status: ${next}`);
    }
    expect(await ideas.dialog.locator("ol li").count()).toBe(4);

    // Its measured effect on the KPI: the trial period has only begun, so not enough data, with the sample sizes.
    const effect = ideas.dialog.getByTestId("idea-kpi-effect");
    await eventually(() => effect.innerText()).toContain("Not enough data yet: the 28-day trial period ends on");
    const kpiRow = effect.getByTestId("kpi-effect-row");
    expect(await kpiRow.getAttribute("data-verdict")).toBe("notEnoughData");
    expect(await kpiRow.innerText()).toContain("Delivery cost complaints");
    expect(await kpiRow.innerText()).toContain("Not enough data");
    expect((await kpiRow.innerText()).match(/n = 0/g)).toHaveLength(2);
    // Marking it measured over the period shown is refused until that period is over, in the server's words.
    await effect.getByRole("combobox", { name: "Trial period (days)" }).selectOption("7");
    await eventually(() => effect.innerText()).toContain("the 7-day trial period ends on");
    await ideas.dialog.getByRole("button", { name: "Mark as Measured" }).click();
    await eventually(() => ideas.dialog.getByTestId("idea-status").getByRole("alert").innerText()).toContain(
      "trial period of 7 days",
    );
    expect(await ideas.dialog.getByTestId("idea-status").innerText()).toContain("Status: Shipped");
    await editor.page.keyboard.press("Escape");
    await eventually(() => row.getByTestId("idea-status-cell").innerText()).toBe("Shipped");
    expect(await editor.page.locator("body").innerText()).not.toMatch(RAW_KEY);

    // Back on the map, the pain point still shows its idea and leads to it.
    await editor.open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => ideas.cardCount(painId).innerText()).toContain("1");
    await ideas.cardCount(painId).click();
    await eventually(() => ideas.row("Show delivery costs on the product page").count()).toBe(1);
    await context.close();
  }, 120_000);
});
