/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";

/** The version history of a map — the editor's side panel and a version's own page — as a user drives them. */
export class HistoryScreen {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId("history-panel");
  }

  /** Opens the history panel from the editor header. */
  async open(): Promise<void> {
    await this.page.getByTestId("history-button").click();
    await this.panel.waitFor();
  }

  /** The history's entry of a version, by the label it shows (its name, or kind and time). */
  version(label: string | RegExp): Locator {
    return this.panel.getByTestId("history-version").filter({ hasText: label });
  }

  /** Names the map as it is now. */
  async nameVersion(name: string): Promise<void> {
    await this.panel.getByTestId("history-name-input").fill(name);
    await this.panel.getByTestId("history-name-save").click();
    await this.version(name).waitFor();
  }

  /** Restores from the page in view (a version's page or an entry), confirming in the dialog. */
  async restore(from: Locator): Promise<void> {
    await from.getByTestId("history-restore").click();
    await this.page.getByTestId("history-restore-confirm").click();
  }

  /** Cells marked on the map of a compared version. */
  markedCells(): Locator {
    return this.page.locator("[data-testid=version-page] [data-match]");
  }
}
