// @vitest-environment jsdom
import type { CommentBodyInput, MemberInfo } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api/apiClient.js";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { CommentComposer } from "./CommentComposer.js";

afterEach(cleanup);

const member = (userId: string, name: string, email: string): MemberInfo => ({
  userId,
  name,
  email,
  role: "editor",
  joinedAt: "2026-01-01T00:00:00.000Z",
});
const MEMBERS = [
  member("u_ann", "Ann Lee", "ann@example.test"),
  member("u_bob", "Bob Stone", "bob@example.test"),
  member("u_zed", "Zed Annan", "z@example.test"),
];

describe("CommentComposer", () => {
  it("suggests members by name or e-mail while an @name is typed, and sends the picked one as a mention", async () => {
    const user = userEvent.setup();
    const sent: CommentBodyInput[] = [];
    renderWithI18n(
      <CommentComposer
        members={MEMBERS}
        label="Reply"
        submitLabel="Send"
        onSubmit={async (body) => void sent.push(body)}
      />,
    );
    const box = screen.getByRole("combobox", { name: "Reply" });
    await user.type(box, "Thanks @ann");
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["Ann Leeann@example.test", "Zed Annanz@example.test"]);
    await user.keyboard("{ArrowDown}{Enter}");
    expect((box as HTMLTextAreaElement).value).toBe("Thanks @Zed Annan ");
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.clear(box);
    await user.type(box, "Thanks @bob");
    await user.click(screen.getByRole("option", { name: /Bob Stone/ }));
    await user.type(box, "see the card");
    await user.click(screen.getByRole("button", { name: "Send" }));
    // Zed was picked, then the text that named him was cleared: only Bob is still mentioned.
    expect(sent).toEqual([{ text: "Thanks @Bob Stone see the card", mentions: ["u_bob"] }]);
    expect((box as HTMLTextAreaElement).value).toBe("");
  });

  it("keeps the text and says why when a mention is refused", async () => {
    const user = userEvent.setup();
    const refuse = () => Promise.reject(new ApiRequestError(400, "mention_not_member", "mentions.0: …"));
    renderWithI18n(<CommentComposer members={MEMBERS} label="Reply" submitLabel="Send" onSubmit={refuse} />, "fa");
    const box = screen.getByRole("combobox", { name: "Reply" });
    await user.type(box, "سلام");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "کسی که نامش را بردید دیگر عضو این فضای کاری نیست. نام او را بردارید و دوباره بفرستید.",
    );
    expect((box as HTMLTextAreaElement).value).toBe("سلام");
    expect(box.getAttribute("dir")).toBe("auto");
  });
});
