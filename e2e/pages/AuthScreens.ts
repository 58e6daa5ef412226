import type { Page } from "playwright-core";

/** The sign-up and sign-in pages and the first-workspace step that follows a sign-up. */
export class AuthScreens {
  constructor(readonly page: Page) {}

  async signUp(name: string, email: string, password: string): Promise<void> {
    await this.page.locator("input[name=name]").fill(name);
    await this.page.locator("input[name=email]").fill(email);
    await this.page.locator("input[name=password]").fill(password);
    await this.page.locator("button[type=submit]").click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator("input[name=email]").fill(email);
    await this.page.locator("input[name=password]").fill(password);
    await this.page.locator("button[type=submit]").click();
  }

  /** The message the form shows for the whole form (a role=alert). */
  alert() {
    return this.page.getByRole("alert");
  }

  /** The first-workspace step shown to an account with no workspace. */
  firstWorkspace() {
    return this.page.getByTestId("first-workspace");
  }

  async createFirstWorkspace(name?: string): Promise<void> {
    const input = this.page.locator("input[name=workspaceName]");
    if (name !== undefined) await input.fill(name);
    await this.firstWorkspace().locator("button[type=submit]").click();
  }
}
