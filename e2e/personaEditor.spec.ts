/// <reference lib="dom" />
import type { Persona } from "@opencjm/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, createUser } from "@opencjm/server/testing";
import { launchChromium } from "./browser.js";
import {
  apiAs,
  createDemoUser,
  makePng,
  openContext,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { HomeScreen } from "./pages/HomeScreen.js";
import { PersonaScreen } from "./pages/PersonaScreen.js";

const PNG = makePng(640, 480);

describe("persona editor in a real browser", () => {
  let browser: Browser;
  let app: AppServer;
  let user: DemoUser;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "personas@example.test", name: "Persona tester" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function newPersona(): Promise<{ page: Page; persona: PersonaScreen; id: string }> {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    await page.getByTestId("new-persona").click();
    const form = page.getByTestId("new-persona-form");
    // A persona needs a name before it exists.
    await form.getByRole("button", { name: "Create" }).click();
    await expect.poll(() => form.getByRole("alert").innerText(), until).toBe("Give the persona a name.");
    await form.getByLabel("Name").fill("Draft persona");
    await form.getByLabel("Business buyer (B2B)").check();
    await form.getByRole("button", { name: "Create" }).click();
    await expect.poll(() => page.url(), until).toMatch(/\/personas\/per_\w+\?edit=1$/);
    const id = page.url().split("/personas/")[1]!.split("?")[0]!;
    const persona = new PersonaScreen(page);
    await expect.poll(() => persona.field("identity", "Name").count(), until).toBe(1);
    return { page, persona, id };
  }

  it("creates a persona from the home screen, fills fields of every group, saves, and shows them on the card as text", async () => {
    const { page, persona, id } = await newPersona();
    await persona.field("identity", "Name").fill("Mina <b>Karimi</b>");
    await persona.field("identity", "Quote").fill("I want it <script>alert(1)</script> today");
    await persona.field("demographics", "Job title").fill("Head of procurement");
    await persona.field("goals", "Goals").fill("Cut supplier costs\nOne invoice a month");
    await persona.field("concerns", "Frustrations").fill("Hidden fees");
    await persona.page.getByTestId("section-concerns").getByLabel("Urgency").selectOption("high");
    await page.getByTestId("preferred-channels").getByText("E-mail", { exact: true }).click();
    await page.getByTestId("section-decision").getByLabel("Role in the buying decision").selectOption("buyer");
    await page.getByRole("button", { name: "+ Add committee member" }).click();
    await page.getByTestId("buying-committee").getByLabel("Name").fill("Omid, CFO");
    await expect.poll(() => persona.saveState().textContent(), until).toBe("Unsaved changes");
    await persona.save();
    await expect.poll(() => persona.saveState().textContent(), until).toBe("Saved");

    const stored = await apiAs<Persona>(page, "GET", `/api/workspaces/${user.workspaceId}/personas/${id}`);
    expect(stored).toMatchObject({
      name: "Mina <b>Karimi</b>",
      goals: ["Cut supplier costs", "One invoice a month"],
      frustrations: ["Hidden fees"],
      urgency: "high",
      decisionRole: "buyer",
      preferredChannels: ["email"],
      demographics: { jobTitle: "Head of procurement" },
    });
    expect(stored.buyingCommittee).toEqual([{ name: "Omid, CFO", role: "influencer", concerns: [] }]);

    await persona.showCard();
    const card = persona.card();
    await expect.poll(() => card.innerText(), until).toContain("Mina <b>Karimi</b>");
    expect(await card.locator("b, script").count()).toBe(0);
    expect(await card.getByTestId("card-goals").locator("li").allInnerTexts()).toEqual([
      "Cut supplier costs",
      "One invoice a month",
    ]);
    expect(await card.innerText()).toContain("I want it <script>alert(1)</script> today");
    expect(await card.innerText()).toContain("E-mail");

    // Clearing an optional field really clears it.
    await persona.showEditor();
    await persona.page.getByTestId("section-concerns").getByLabel("Urgency").selectOption("");
    await persona.save();
    await expect.poll(() => persona.saveState().textContent(), until).toBe("Saved");
    expect(
      (await apiAs<Persona>(page, "GET", `/api/workspaces/${user.workspaceId}/personas/${id}`)).urgency,
    ).toBeUndefined();
    await page.context().close();
  });

  it("names the fields that are wrong and saves nothing until they are fixed", async () => {
    const { page, persona, id } = await newPersona();
    await persona.field("identity", "Name").fill("   ");
    await persona.save();
    await expect.poll(() => persona.problems().innerText(), until).toContain("Name");
    expect(await persona.field("identity", "Name").getAttribute("aria-invalid")).toBe("true");
    expect(await apiAs<Persona>(page, "GET", `/api/workspaces/${user.workspaceId}/personas/${id}`)).toMatchObject({
      name: "Draft persona",
      kind: "b2b",
    });
    await persona.field("identity", "Name").fill("Fixed");
    await persona.save();
    await expect.poll(() => persona.saveState().textContent(), until).toBe("Saved");
    expect(await persona.problems().count()).toBe(0);
    await page.context().close();
  });

  it("uploads a photo (resized in the browser), shows it, and goes back to the generated avatar", async () => {
    const { page, id } = await newPersona();
    await page.getByTestId("photo-input").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => page.locator("main img").first().getAttribute("src"), until).toMatch(/\/photo\?v=\d+$/);
    const stored = await apiAs<Persona>(page, "GET", `/api/workspaces/${user.workspaceId}/personas/${id}`);
    const photo = await page.request.get(`${app.url}${stored.photoUrl}`);
    expect([photo.status(), photo.headers()["content-type"]]).toEqual([200, "image/jpeg"]);
    await page
      .getByTestId("photo-input")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect.poll(() => page.getByRole("alert").textContent(), until).toContain("JPEG, PNG or WebP");
    await page.getByTestId("use-avatar").click();
    await expect.poll(() => page.getByTestId("generated-avatar").count(), until).toBeGreaterThan(0);
    expect(
      (await apiAs<Persona>(page, "GET", `/api/workspaces/${user.workspaceId}/personas/${id}`)).photoUrl,
    ).toBeUndefined();
    await page.context().close();
  });

  it("shows a viewer the cards but no way to create or edit", async () => {
    const { services } = app.server;
    const viewer = await createUser(services.db, {
      email: "viewer@example.test",
      name: "Viewer",
      password: "e2e password long",
    });
    await services.db.kysely
      .insertInto("members")
      .values({
        workspace_id: user.workspaceId,
        user_id: viewer.id,
        role: "viewer",
        created_at: new Date().toISOString(),
      })
      .execute();
    const cookie = (await createSession(services.db, viewer.id, 3600_000)).cookie;
    const context = await openContext(browser, app, { cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.personaCards().count(), until).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("new-map").count()).toBe(0);
    expect(await page.getByTestId("new-persona").count()).toBe(0);
    await home.personaCards().first().click();
    const persona = new PersonaScreen(page);
    await expect.poll(() => persona.card().count(), until).toBe(1);
    expect(await page.getByTestId("tab-edit").count()).toBe(0);
    await context.close();
  });

  it("lists the personas on the home screen as cards that open the card view", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}`);
    const home = new HomeScreen(page);
    await expect.poll(() => home.personaCards().count(), until).toBeGreaterThanOrEqual(3);
    await home.personaCards().filter({ hasText: "Marcus Okafor" }).click();
    const persona = new PersonaScreen(page);
    await expect.poll(() => persona.card().textContent(), until).toContain("Buying committee");
    // The maps this persona is on are listed under the card.
    await expect.poll(() => page.getByTestId("persona-maps").getByRole("link").count(), until).toBe(2);
    await context.close();
  });
});
