// @vitest-environment jsdom
import type { InvitationInfo } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { InvitationList } from "./InvitationList.js";

const NOW = Date.parse("2026-03-10T12:00:00.000Z");
const invitation = (
  id: string,
  email: string,
  expiresAt: string,
  acceptedAt: string | null = null,
): InvitationInfo => ({ id, email, role: "editor", createdAt: "2026-03-01T00:00:00.000Z", expiresAt, acceptedAt });

afterEach(cleanup);

describe("InvitationList", () => {
  it("lists only invitations nobody accepted, marks the expired one and offers a link only where it is known", async () => {
    const user = userEvent.setup();
    const revoked: string[] = [];
    const invitations = [
      invitation("inv_new", "new@example.test", "2026-03-17T12:00:00.000Z"),
      invitation("inv_old", "old@example.test", "2026-03-09T12:00:00.000Z"),
      invitation("inv_done", "done@example.test", "2026-03-17T12:00:00.000Z", "2026-03-02T00:00:00.000Z"),
    ];
    renderWithI18n(
      <InvitationList
        invitations={invitations}
        links={{ inv_new: "http://x.test/invite/abc" }}
        now={NOW}
        onRevoke={(i) => revoked.push(i.id)}
      />,
    );
    const rows = screen.getAllByTestId("invitation-row");
    expect(rows.map((r) => r.dataset.email)).toEqual(["new@example.test", "old@example.test"]);
    expect(within(rows[0]!).getByRole("button", { name: "Copy link" })).toBeTruthy();
    expect(within(rows[0]!).queryByText("Expired")).toBeNull();
    expect(within(rows[1]!).getByText("Expired")).toBeTruthy();
    expect(within(rows[1]!).queryByRole("button", { name: "Copy link" })).toBeNull();
    // The link of an older invitation cannot be shown again: the page says how to get a new one.
    expect(screen.getByText(/revoke it and invite again/)).toBeTruthy();
    await user.click(within(rows[1]!).getByRole("button", { name: "Revoke" }));
    expect(revoked).toEqual(["inv_old"]);
  });

  it("says when no invitation is waiting", () => {
    renderWithI18n(<InvitationList invitations={[]} links={{}} now={NOW} onRevoke={() => undefined} />, "ru");
    expect(screen.getByText("Ожидающих приглашений нет.")).toBeTruthy();
  });
});
