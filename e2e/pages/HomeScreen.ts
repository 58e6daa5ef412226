import type { Page } from "playwright-core";

/** The workspace home: the map list with its filters, and the persona cards. */
export class HomeScreen {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId("map-row");
  }

  row(title: string) {
    return this.rows().filter({ hasText: title });
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId("map-search").fill(text);
  }

  async filterType(type: string): Promise<void> {
    await this.page.getByTestId("filter-type").selectOption(type);
  }

  async createFutureStateOf(title: string): Promise<void> {
    await this.row(title).getByTestId("map-actions").click();
    await this.row(title).getByTestId("create-future-state").click();
  }

  async compare(title: string, withTitle: string): Promise<void> {
    await this.row(title).getByTestId("compare-with").click();
    await this.row(title).getByRole("link", { name: withTitle }).click();
  }

  personaCards() {
    return this.page.getByTestId("persona-card");
  }
}
