import type { Page } from "playwright-core";

/** The template gallery and the new-map form. */
export class NewMapScreen {
  constructor(readonly page: Page) {}

  templates() {
    return this.page.getByTestId("template");
  }

  async choose(templateId: string): Promise<void> {
    await this.page.locator(`[data-testid=template][data-template-id="${templateId}"]`).click();
  }

  async create(options: { title?: string; type?: string; personas?: string[] } = {}): Promise<void> {
    const form = this.page.getByTestId("new-map-form");
    if (options.title !== undefined) await form.locator("input[name=title]").fill(options.title);
    if (options.type) await form.locator("select[name=type]").selectOption(options.type);
    for (const name of options.personas ?? []) await form.getByLabel(name).check();
    await this.page.getByTestId("create-map").click();
  }
}
