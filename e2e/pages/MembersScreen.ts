import type { Page } from "playwright-core";

/** A workspace's members screen (owners invite, revoke, change roles) and the page an invitation link opens. */
export class MembersScreen {
  constructor(readonly page: Page) {}

  /** Opens the members screen from the workspace switcher, as a person would. */
  async openFromSwitcher(): Promise<void> {
    await this.page.getByTestId("workspace-switcher").click();
    await this.page.getByTestId("workspace-members").click();
    await this.page.getByTestId("members-page").waitFor();
  }

  memberRow(email: string) {
    return this.page.locator(`[data-testid=member-row][data-email="${email}"]`);
  }

  invitationRow(email: string) {
    return this.page.locator(`[data-testid=invitation-row][data-email="${email}"]`);
  }

  /** Invites an e-mail with a role and returns the one-time link the dialog shows. */
  async invite(email: string, role: string): Promise<string> {
    await this.page.getByTestId("invite-member").click();
    await this.page.locator("input[name=inviteEmail]").fill(email);
    await this.page.locator("select[name=inviteRole]").selectOption(role);
    await this.page.getByTestId("invite-form").locator("button[type=submit]").click();
    const link = await this.page.getByTestId("invitation-link").inputValue();
    await this.page.keyboard.press("Escape");
    return link;
  }

  async revoke(email: string): Promise<void> {
    await this.invitationRow(email).getByTestId("revoke-invitation").click();
    await this.page.getByTestId("confirm-action").click();
  }

  /** Makes another member owner in the caller's place, from their row's menu. */
  async transferOwnershipTo(email: string): Promise<void> {
    await this.memberRow(email).getByTestId("member-actions").click();
    await this.memberRow(email).getByTestId("transfer-ownership").click();
    await this.page.getByTestId("confirm-action").click();
  }

  async leave(): Promise<void> {
    await this.page.getByTestId("leave-workspace").click();
    await this.page.getByTestId("confirm-action").click();
  }

  /** On the accept page, for someone without an account: sign up with the invitation. */
  async signUpWithInvitation(name: string, email: string, password: string): Promise<void> {
    const form = this.page.getByTestId("invited-sign-up");
    await form.locator("input[name=name]").fill(name);
    await form.locator("input[name=email]").fill(email);
    await form.locator("input[name=password]").fill(password);
    await form.locator("button[type=submit]").click();
  }

  /** What the accept page says about a link that can no longer be used. */
  deadLinkMessage() {
    return this.page.getByTestId("invitation-dead").getByRole("alert");
  }
}
