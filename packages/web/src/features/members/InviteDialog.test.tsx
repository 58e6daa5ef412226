// @vitest-environment jsdom
import type { InvitationCreated, Role } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api/apiClient.js";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { InviteDialog } from "./InviteDialog.js";

afterEach(cleanup);

describe("InviteDialog", () => {
  it("invites an e-mail with the chosen role and then shows the one-time link to copy", async () => {
    const user = userEvent.setup();
    const asked: Array<[string, Role]> = [];
    const onInvite = async (email: string, role: Role): Promise<InvitationCreated> => {
      asked.push([email, role]);
      return {
        id: "inv_1",
        email,
        role,
        createdAt: "2026-03-01T00:00:00.000Z",
        expiresAt: "2026-03-08T00:00:00.000Z",
        acceptedAt: null,
        token: "tok_abcdefghij",
        acceptPath: "/invite/tok_abcdefghij",
        emailStatus: "off",
        emailError: null,
      };
    };
    renderWithI18n(<InviteDialog workspaceName="Shop" onInvite={onInvite} onClose={() => undefined} />);
    expect(screen.getByRole("dialog", { name: "Invite someone to Shop" })).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Their e-mail" }), " colleague@example.test ");
    await user.selectOptions(screen.getByRole("combobox", { name: "Role" }), "commenter");
    await user.click(screen.getByRole("button", { name: "Create invitation" }));
    expect(asked).toEqual([["colleague@example.test", "commenter"]]);
    expect((screen.getByTestId("invitation-link") as HTMLInputElement).value).toBe(
      `${window.location.origin}/invite/tok_abcdefghij`,
    );
    expect(screen.getByText(/Send this link to colleague@example.test/)).toBeTruthy();
  });

  const created = (emailStatus: InvitationCreated["emailStatus"], emailError: string | null): InvitationCreated => ({
    id: "inv_2",
    email: "mailed@example.test",
    role: "editor",
    createdAt: "2026-03-01T00:00:00.000Z",
    expiresAt: "2026-03-08T00:00:00.000Z",
    acceptedAt: null,
    token: "tok_mailedmailed",
    acceptPath: "/invite/tok_mailedmailed",
    emailStatus,
    emailError,
  });

  it("says the invitation went out by e-mail when SMTP sent it, without a link to copy", async () => {
    const user = userEvent.setup();
    const onInvite = async () => created("sent", null);
    renderWithI18n(<InviteDialog workspaceName="Shop" onInvite={onInvite} onClose={() => undefined} />);
    await user.type(screen.getByRole("textbox", { name: "Their e-mail" }), "mailed@example.test");
    await user.click(screen.getByRole("button", { name: "Create invitation" }));
    expect(screen.getByTestId("invitation-emailed").textContent).toMatch(/on its way to mailed@example.test by e-mail/);
    expect(screen.queryByTestId("invitation-link")).toBeNull();
  });

  it("says why the e-mail failed and still shows the link to copy", async () => {
    const user = userEvent.setup();
    const onInvite = async () => created("failed", "the e-mail could not be sent: connection refused");
    renderWithI18n(<InviteDialog workspaceName="Shop" onInvite={onInvite} onClose={() => undefined} />, "ru");
    await user.type(screen.getByRole("textbox", { name: "Адрес эл. почты" }), "mailed@example.test");
    await user.click(screen.getByRole("button", { name: "Создать приглашение" }));
    expect(screen.getByRole("alert").textContent).toMatch(/Не удалось отправить письмо на mailed@example.test/);
    expect(screen.getByRole("alert").textContent).toMatch(/connection refused/);
    expect((screen.getByTestId("invitation-link") as HTMLInputElement).value).toMatch(/\/invite\/tok_mailedmailed$/);
  });

  it("keeps the form and says why when the invitation is refused", async () => {
    const user = userEvent.setup();
    const onInvite = (): Promise<InvitationCreated> => Promise.reject(new ApiRequestError(403, "forbidden_role", "x"));
    renderWithI18n(<InviteDialog workspaceName="Shop" onInvite={onInvite} onClose={() => undefined} />, "zh-Hans");
    await user.type(screen.getByRole("textbox", { name: "对方的电子邮件" }), "a@example.test");
    await user.click(screen.getByRole("button", { name: "创建邀请" }));
    expect(screen.getByRole("alert").textContent).not.toBe("");
    expect(screen.queryByTestId("invitation-link")).toBeNull();
  });
});
