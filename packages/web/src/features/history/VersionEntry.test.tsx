// @vitest-environment jsdom
import type { MapVersion } from "@opencjm/core";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { VersionEntry } from "./VersionEntry.js";

afterEach(cleanup);

const named: MapVersion = {
  id: "ver_1",
  mapId: "map_1",
  kind: "named",
  name: "Before the workshop",
  createdAt: "2026-03-01T10:00:00.000Z",
  createdBy: { userId: "u_ann", name: "Ann Lee" },
  authors: [
    {
      userId: "u_ann",
      name: "Ann Lee",
      firstEditAt: "2026-03-01T09:00:00.000Z",
      lastEditAt: "2026-03-01T09:50:00.000Z",
    },
    {
      userId: "u_bob",
      name: "Bob Stone",
      firstEditAt: "2026-03-01T09:10:00.000Z",
      lastEditAt: "2026-03-01T09:40:00.000Z",
    },
  ],
  restoredFrom: null,
};

const entry = (version: MapVersion, canWrite: boolean) => (
  <ul>
    <VersionEntry
      workspaceId="ws_1"
      mapId="map_1"
      version={version}
      canWrite={canWrite}
      picked={false}
      onPick={() => undefined}
    />
  </ul>
);

describe("a version in the history panel", () => {
  it("shows a named version's name, who edited and its actions, in Persian", () => {
    renderWithI18n(entry(named, true), "fa");
    const item = screen.getByTestId("history-version");
    expect(item.getAttribute("data-named")).toBe("true");
    expect(item.textContent).toContain("Before the workshop");
    expect(item.textContent).toContain("ویرایش توسط Ann Lee, Bob Stone");
    expect(within(item).getByTestId("history-open").textContent).toBe("باز کردن");
    expect(within(item).getByTestId("history-restore").textContent).toBe("بازگردانی");
    expect(item.textContent).not.toMatch(/\bhistory\.[a-zA-Z]+/);
  });

  it("says when a restore brought a version back, and offers no restore to readers", () => {
    const restored: MapVersion = {
      ...named,
      id: "ver_2",
      kind: "restored",
      name: null,
      restoredFrom: { id: "ver_1", kind: "named", name: "Before the workshop", createdAt: named.createdAt },
    };
    renderWithI18n(entry(restored, false));
    const item = screen.getByTestId("history-version");
    expect(item.textContent).toContain("Restored from “Before the workshop”");
    expect(within(item).queryByTestId("history-restore")).toBeNull();
  });

  it("asks before restoring and explains what happens; Cancel leaves it", async () => {
    renderWithI18n(entry(named, true));
    await userEvent.click(screen.getByTestId("history-restore"));
    const dialog = await screen.findByTestId("history-restore-dialog");
    expect(dialog.textContent).toContain("Restore “Before the workshop”?");
    expect(dialog.textContent).toContain("for everyone on it at once");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("history-restore-dialog")).toBeNull();
  });
});
