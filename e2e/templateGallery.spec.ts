/// <reference lib="dom" />
import { TEMPLATES } from "@opencjm/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import {
  createDemoUser,
  openContext,
  startAppServer,
  until,
  type AppServer,
  type DemoUser,
} from "./pages/appServer.js";
import { NewMapScreen } from "./pages/NewMapScreen.js";

describe("template gallery in a real browser", () => {
  let browser: Browser;
  let app: AppServer;
  let user: DemoUser;

  beforeAll(async () => {
    app = await startAppServer();
    user = await createDemoUser(app, { email: "gallery@example.test", name: "Галина", locale: "ru" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows every template with a drawn preview in the user's language, plus the blank map", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}/new`);
    const gallery = new NewMapScreen(page);
    await expect.poll(() => gallery.templates().count(), until).toBe(TEMPLATES.length + 1);
    for (const template of TEMPLATES) {
      const card = page.locator(`[data-testid=template][data-template-id="${template.id}"]`);
      expect(await card.innerText()).toContain(template.name.ru);
      // The preview draws one band per stage once the template's map has loaded.
      await expect
        .poll(() => card.locator("svg rect[fill^='#']").count(), until)
        .toBeGreaterThanOrEqual(template.stages.length);
    }
    await context.close();
  });

  it("creates a blank map in the user's language with the chosen personas and opens it", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}/new`);
    const gallery = new NewMapScreen(page);
    await expect.poll(() => gallery.templates().count(), until).toBeGreaterThan(0);
    await gallery.choose("blank");
    await gallery.create({ title: "Чистый лист", type: "employeeJourney", personas: ["Marcus Okafor, IT director"] });
    await expect.poll(() => page.url(), until).toMatch(/\/maps\/map_\w+$/);
    const snapshot = await app.server.services.maps.readSnapshot(page.url().split("/maps/")[1]!);
    expect(snapshot.settings).toMatchObject({ title: "Чистый лист", type: "employeeJourney", locale: "ru" });
    expect(snapshot.settings.personaIds).toHaveLength(1);
    expect(snapshot.stages.map((s) => s.name)).toEqual(["Этап 1"]);
    expect(snapshot.steps.map((s) => s.name)).toEqual(["Первый шаг"]);
    expect(snapshot.lanes.map((l) => l.type)).toEqual([
      "actions",
      "touchpoints",
      "thoughts",
      "emotion",
      "painPoints",
      "opportunities",
    ]);
    expect(snapshot.lanes[0]!.name).toBe("Действия клиента");
    await context.close();
  });

  it("asks for a template before creating anything", async () => {
    const context = await openContext(browser, app, { cookie: user.cookie });
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${user.workspaceId}/new`);
    await expect.poll(() => page.getByTestId("create-map").count(), until).toBe(1);
    const before = (await app.server.services.maps.list(user.workspaceId)).length;
    await page.getByTestId("create-map").click();
    await expect
      .poll(() => page.getByTestId("new-map-form").getByRole("alert").innerText(), until)
      .toBe("Выберите шаблон");
    expect((await app.server.services.maps.list(user.workspaceId)).length).toBe(before);
    await context.close();
  });
});
