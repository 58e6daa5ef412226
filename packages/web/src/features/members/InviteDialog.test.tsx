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
