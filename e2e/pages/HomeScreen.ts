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

  rowOf(mapId: string) {
    return this.page.locator(`[data-testid=map-row][data-map-id="${mapId}"]`);
  }

  async createFutureStateOf(mapId: string): Promise<void> {
    await this.rowOf(mapId).getByTestId("map-actions").click();
    await this.rowOf(mapId).getByTestId("create-future-state").click();
  }

  /** Opens the comparison of a map with another one picked from its "Compare with…" menu. */
  async compare(mapId: string, withTitle: string): Promise<void> {
    await this.rowOf(mapId).getByTestId("compare-with").click();
    await this.rowOf(mapId).getByTestId("compare-with-panel").getByRole("menuitem", { name: withTitle }).click();
  }

  personaCards() {
    return this.page.getByTestId("persona-card");
  }
}
