/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";

/** The comments of the map editor — the grid's thread badges and the side panel — as a user drives them. */
export class CommentsScreen {
  constructor(readonly page: Page) {}

  /** The thread badge of a card (shown on hover or focus while it has no thread). */
  cardBadge(cardId: string): Locator {
    return this.page.locator(`[data-testid=thread-badge][data-anchor="card:${cardId}"]`);
  }

  /** Opens a card's threads from its badge. */
  async openCard(cardId: string): Promise<void> {
    await this.page.locator(`[data-card-id="${cardId}"]`).hover();
    await this.cardBadge(cardId).click();
    await this.panel.waitFor();
  }

  get panel(): Locator {
    return this.page.getByTestId("comments-panel");
  }

  threads(): Locator {
    return this.panel.getByTestId("comment-thread");
  }

  /** Types a comment into the box to start a thread, picking `mention` from the suggestions after `@` + `query`. */
  async startThread(before: string, query: string, mention: string, after: string): Promise<void> {
    const box = this.panel.getByRole("combobox", { name: /Start a thread/ });
    await box.click();
    // Plain text goes in at once; the mention is typed key by key, as the suggestions follow the keys.
    await this.page.keyboard.insertText(before);
    await box.pressSequentially(`@${query}`);
    await this.page.getByRole("option", { name: new RegExp(mention) }).click();
    await this.page.keyboard.insertText(after);
    await this.panel.getByRole("button", { name: "Comment", exact: true }).click();
  }
}
