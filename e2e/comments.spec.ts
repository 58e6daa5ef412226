/// <reference lib="dom" />
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSession, createUser, templateMapWithCard } from "@opencjm/server/testing";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture, type FixtureUser } from "./mapEditorFixture.js";
import { RAW_KEY } from "./pages/appServer.js";
import { CommentsScreen } from "./pages/CommentsScreen.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";

describe("comment threads in real browsers", () => {
  let browser: Browser;
  let fx: EditorFixture;
  let commenter: FixtureUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
    // A commenter joins the fixture's workspace through an invitation, as a person would.
    const { db } = fx.server.services;
    const user = await createUser(db, {
      email: "dana@example.test",
      name: "Dana Commenter",
      password: "e2e password long",
    });
    const session = await createSession(db, user.id, 3600_000);
    commenter = { id: user.id, name: "Dana Commenter", cookie: session.cookie, csrfToken: session.csrfToken };
    const invitation = await fx.api<{ token: string }>(
      fx.owner,
      "POST",
      `/api/workspaces/${fx.workspaceId}/invitations`,
      {
        email: "dana@example.test",
        role: "commenter",
      },
    );
    await fx.api(commenter, "POST", "/api/invitations/accept", { token: invitation.token });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function open(user: FixtureUser, mapId: string): Promise<MapEditorPage> {
    const context = await fx.context(browser, user);
    contexts.push(context);
    return new MapEditorPage(await context.newPage()).open(fx.server.url, fx.workspaceId, mapId);
  }

  // Two browsers, a server and the other test files share two cores: more room than the default 30 s.
  it("a commenter opens a thread with a mention on a card; the mentioned member sees it live in another browser and in his notifications", async () => {
    const action = { kind: "action", text: "What does the customer do here?" } as const;
    const mapId = await fx.createMap({
      snapshot: templateMapWithCard("awareness-consideration-decision", "actions", action),
    });
    // Their invitations to the workspace were notifications too: read, so the bell counts only what follows.
    for (const user of [commenter, fx.editor]) await fx.api(user, "POST", "/api/notifications/read-all");
    const dana = await open(commenter, mapId);
    const boris = await open(fx.editor, mapId);
    const cardId = (await dana.page.locator("[data-card-id]").first().getAttribute("data-card-id"))!;

    // A commenter may comment but not edit: the grid is read-only for her.
    expect(await dana.page.getByTestId("map-editor").getAttribute("data-read-only")).toBe("true");
    const danaComments = new CommentsScreen(dana.page);
    await danaComments.openCard(cardId);
    await danaComments.startThread("Is this still what customers do, ", "bor", "Boris Petrov", "? <b>not bold</b>");
    await eventually(() => danaComments.threads().count()).toBe(1);
    const text = "Is this still what customers do, @Boris Petrov ? <b>not bold</b>";
    await eventually(() => danaComments.threads().first().getByTestId("comment-text").innerText()).toBe(text);

    // Boris did nothing: the card's badge appears with one open thread, and the thread opens from it.
    const borisComments = new CommentsScreen(boris.page);
    await eventually(() => borisComments.cardBadge(cardId).getAttribute("data-count")).toBe("1");
    await borisComments.openCard(cardId);
    const thread = borisComments.threads().first();
    await eventually(() => thread.getByTestId("comment-text").innerText()).toBe(text);
    expect(await thread.innerText()).toContain("Dana Commenter");
    // His name is marked as a mention of him, and the comment's HTML stayed text.
    expect(await thread.locator("mark").innerText()).toBe("@Boris Petrov");
    expect(await thread.locator("b").count()).toBe(0);
    expect(await boris.page.locator("body").innerText()).not.toMatch(RAW_KEY);
    expect(await boris.page.locator("body").innerText()).not.toMatch(/\bcomments\.[a-zA-Z]+/);

    // The bell in his top bar counts the mention at once, and says who mentioned him where, with her words.
    await eventually(() => boris.page.getByTestId("notification-count").innerText()).toBe("1");
    await boris.page.getByTestId("notification-bell").click();
    const mention = boris.page.getByTestId("notification-item").first();
    await eventually(() => mention.innerText()).toContain("Dana Commenter mentioned you on");
    expect(await mention.innerText()).toContain(text);
    await boris.page.keyboard.press("Escape");

    // His reply reaches Dana live too.
    await thread.getByRole("combobox", { name: /Reply/ }).fill("Yes, still true");
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await eventually(() => danaComments.threads().first().getByTestId("comment").count()).toBe(2);

    await eventually(() => dana.page.getByTestId("notification-count").innerText()).toBe("1");

    // Boris was told of the mention, Dana of the reply.
    const told = await fx.server.services.db.kysely
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("map_id", "=", mapId)
      .orderBy("created_at")
      .execute();
    expect(told).toEqual([
      { user_id: fx.editor.id, kind: "mention" },
      { user_id: commenter.id, kind: "reply" },
    ]);
  }, 90_000);
});
