// @vitest-environment jsdom
import { buildMapFromTemplate } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { SharedResearchAppendix } from "./SharedResearchAppendix.js";
import { parseSharedMap } from "./useSharedMap.js";

afterEach(cleanup);

const research = [
  {
    title: "Research quotes",
    headers: ["Step", "Quote", "Participant"],
    widths: [1, 3, 1],
    rows: [["Checkout", '<img src=x onerror="alert(1)">', "P01"]],
  },
];

describe("the research appendix of a shared map", () => {
  it("is read from the share answer only when the link carries it", () => {
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
    expect(parseSharedMap({ snapshot }).research).toEqual([]);
    expect(parseSharedMap({ snapshot, research }).research).toEqual(research);
  });

  it("shows the tables under a heading in the reader's language, quotes as plain text", () => {
    const { container } = renderWithI18n(<SharedResearchAppendix tables={research} />, "fa");
    expect(screen.getByTestId("shared-research").querySelector("summary")!.textContent).toBe("پیوست پژوهش");
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
  });

  it("shows nothing when the link carries no research", () => {
    renderWithI18n(<SharedResearchAppendix tables={[]} />);
    expect(screen.queryByTestId("shared-research")).toBeNull();
  });
});
