// @vitest-environment jsdom
import type { MemberInfo, Role } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { MemberList } from "./MemberList.js";

const members: MemberInfo[] = [
  { userId: "u_owner", email: "olga@example.test", name: "Olga", role: "owner", joinedAt: "2026-01-01T00:00:00.000Z" },
  { userId: "u_ed", email: "emil@example.test", name: "Emil", role: "editor", joinedAt: "2026-01-02T00:00:00.000Z" },
];

function renderList(myUserId: string, canManage: boolean, locale: UiLocale = "en") {
  const calls: string[] = [];
  const actions = {
    onChangeRole: (m: MemberInfo, role: Role) => calls.push(`role ${m.userId} ${role}`),
    onTransfer: (m: MemberInfo) => calls.push(`transfer ${m.userId}`),
    onRemove: (m: MemberInfo) => calls.push(`remove ${m.userId}`),
  };
  renderWithI18n(<MemberList members={members} myUserId={myUserId} canManage={canManage} actions={actions} />, locale);
  return calls;
}

afterEach(cleanup);

describe("MemberList", () => {
  it("lets an owner change another member's role, make them owner or remove them, but not touch their own row", async () => {
    const user = userEvent.setup();
    const calls = renderList("u_owner", true);
    const [own, other] = screen.getAllByTestId("member-row");
    expect(within(own!).queryByRole("combobox")).toBeNull();
    expect(within(own!).getByText("Owner")).toBeTruthy();
    expect(within(own!).getByText("you")).toBeTruthy();

    await user.selectOptions(within(other!).getByRole("combobox", { name: "Role of Emil" }), "commenter");
    await user.click(within(other!).getByRole("button", { name: /More for Emil/ }));
    await user.click(screen.getByRole("menuitem", { name: "Make owner instead of me" }));
    await user.click(within(other!).getByRole("button", { name: /More for Emil/ }));
    await user.click(screen.getByRole("menuitem", { name: "Remove from workspace" }));
    expect(calls).toEqual(["role u_ed commenter", "transfer u_ed", "remove u_ed"]);
  });

  it("shows everyone's role, without controls, to a member who is not an owner", () => {
    renderList("u_ed", false);
    expect(screen.queryAllByRole("combobox")).toHaveLength(0);
    expect(screen.queryAllByTestId("member-actions")).toHaveLength(0);
    expect(screen.getAllByTestId("member-role-badge").map((b) => b.textContent)).toEqual(["Owner", "Editor"]);
  });

  it("speaks Persian: headings and roles come from the Persian catalogue", () => {
    renderList("u_ed", false, "fa");
    expect(screen.getByRole("columnheader", { name: "نقش" })).toBeTruthy();
    expect(screen.getAllByTestId("member-role-badge").map((b) => b.textContent)).not.toContain("Owner");
  });
});
