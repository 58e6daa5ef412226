import type { Page } from "playwright-core";

/** A persona's page: its card view and its editor. */
export class PersonaScreen {
  constructor(readonly page: Page) {}

  /** A field of the editor by its visible label, inside a section (sections repeat labels such as "Concerns"). */
  field(section: string, label: string) {
    return this.page.getByTestId(`section-${section}`).getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByTestId("save-persona").click();
  }

  saveState() {
    return this.page.getByTestId("save-state");
  }

  problems() {
    return this.page.getByTestId("persona-problems");
  }

  async showCard(): Promise<void> {
    await this.page.getByTestId("tab-card").click();
  }

  async showEditor(): Promise<void> {
    await this.page.getByTestId("tab-edit").click();
  }

  card() {
    return this.page.getByTestId("persona-card-view");
  }
}
