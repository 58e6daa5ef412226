/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";

/** The ideas of a workspace — the backlog, the matrix and the idea editor — and the map's idea badges, as a user drives them. */
export class IdeasScreen {
  constructor(readonly page: Page) {}

  /** Opens the backlog of a workspace. */
  async open(baseUrl: string, workspaceId: string): Promise<this> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/ideas`);
    await this.page.getByTestId("idea-filters").waitFor();
    return this;
  }

  /** The idea editor dialog. */
  get dialog(): Locator {
    return this.page.getByTestId("idea-dialog");
  }

  /** Starts an idea from a card of the map editor (the button shows on hover). */
  async createFromCard(cardId: string): Promise<void> {
    const card = this.page.locator(`[data-card-id="${cardId}"]`);
    await card.hover();
    await card.getByTestId("create-idea").click();
    await this.dialog.waitFor();
  }

  /** Links a KPI to the idea in the open editor, picked by its name. */
  async linkKpi(name: string): Promise<void> {
    await this.dialog.getByRole("button", { name: "Add: KPIs it should move" }).click();
    const list = this.page.getByRole("dialog", { name: "Add: KPIs it should move" });
    await list.getByRole("searchbox", { name: "Search" }).fill(name);
    await list.getByRole("button", { name: new RegExp(name) }).click();
    await this.dialog.getByRole("list", { name: "KPIs it should move" }).getByText(name).waitFor();
  }

  /** Fills the title and the ICE score of the open editor and saves it. */
  async fillAndSave(title: string, ice: [number, number, number]): Promise<void> {
    await this.dialog.getByLabel("Title").fill(title);
    const fields = this.dialog.locator("fieldset").first().locator("input");
    for (const [i, value] of ice.entries()) await fields.nth(i).fill(String(value));
    await this.dialog.getByRole("button", { name: "Save" }).click();
    await this.dialog.waitFor({ state: "detached" });
  }

  /** The count badge of ideas on a card of the map editor. */
  cardCount(cardId: string): Locator {
    return this.page.locator(`[data-card-id="${cardId}"]`).getByTestId("card-idea-count");
  }

  row(title: string): Locator {
    return this.page.getByTestId("idea-row").filter({ hasText: title });
  }

  matrixIdea(title: string): Locator {
    return this.page.getByTestId("matrix-idea").filter({ hasText: title });
  }

  /** Opens an idea of the backlog in the editor. */
  async openIdea(title: string): Promise<void> {
    await this.row(title).getByRole("button", { name: title }).click();
    await this.dialog.waitFor();
  }
}
