// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ideaFixture } from "./ideaFixtures.js";
import { IdeaComments } from "./IdeaComments.js";

afterEach(cleanup);

describe("an idea's discussion", () => {
  it("asks for a map link before an idea on no map can be discussed, in Persian too", () => {
    renderWithI18n(
      <IdeaComments workspaceId="ws" idea={ideaFixture({ id: "i1", title: "X" })} members={[]} canComment />,
    );
    expect(screen.getByText("Link the idea to a map to discuss it with the team.")).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
    cleanup();
    renderWithI18n(
      <IdeaComments workspaceId="ws" idea={ideaFixture({ id: "i1", title: "X" })} members={[]} canComment />,
      "fa",
    );
    expect(screen.getByRole("region", { name: "گفت‌وگو" })).toBeTruthy();
  });
});
