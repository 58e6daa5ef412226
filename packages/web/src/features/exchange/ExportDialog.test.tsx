// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ExportDialog } from "./ExportDialog.js";

afterEach(cleanup);

const researchBox = () => screen.queryByTestId("export-research") as HTMLInputElement | null;

describe("the export dialog's research option", () => {
  it("is ticked for a member's own PDF and Excel exports and offered only for those", async () => {
    const user = userEvent.setup();
    renderWithI18n(<ExportDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
    expect(researchBox()!.checked).toBe(true);
    expect(screen.getByText("Include the map's research (participants by code only)")).toBeTruthy();
    await user.selectOptions(screen.getByTestId("export-format"), "csv");
    expect(researchBox()).toBeNull();
    await user.selectOptions(screen.getByTestId("export-format"), "xlsx");
    expect(researchBox()!.checked).toBe(true);
    await user.click(researchBox()!);
    expect(researchBox()!.checked).toBe(false);
  });
});

describe("the export dialog's choices for a picture", () => {
  it("asks a PNG for its size, not for paper or orientation, and offers paper again for a PDF", async () => {
    const user = userEvent.setup();
    renderWithI18n(<ExportDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
    expect(screen.queryByTestId("export-scale")).toBeNull();
    expect(screen.getByTestId("export-paper")).toBeTruthy();
    await user.selectOptions(screen.getByTestId("export-format"), "png");
    expect(screen.queryByTestId("export-paper")).toBeNull();
    expect(screen.queryByTestId("export-orientation")).toBeNull();
    const size = screen.getByTestId("export-scale") as HTMLSelectElement;
    expect([...size.options].map((o) => o.text)).toEqual([
      "Automatic: sharp, at most 25 megapixels",
      "1× (as on screen)",
      "2× (sharp)",
      "3× (for large prints)",
    ]);
    expect(size.value).toBe("");
    await user.selectOptions(screen.getByTestId("export-format"), "pdf");
    expect(screen.queryByTestId("export-scale")).toBeNull();
    expect(screen.getByTestId("export-orientation")).toBeTruthy();
  });
});

describe("the export dialog getting the server ready", () => {
  it("asks the server to get ready for a printed export as it opens, and not for a data export", async () => {
    const asked: string[] = [];
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      asked.push(`${init?.method ?? "GET"} ${String(input)}`);
      return new Response(null, { status: 204 });
    });
    try {
      const user = userEvent.setup();
      renderWithI18n(<ExportDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
      const prepare = "POST /api/workspaces/w1/maps/m1/export/prepare";
      await waitFor(() => expect(asked).toEqual([prepare]));
      await user.selectOptions(screen.getByTestId("export-format"), "csv");
      await user.selectOptions(screen.getByTestId("export-format"), "xlsx");
      expect(asked).toEqual([prepare]);
      await user.selectOptions(screen.getByTestId("export-format"), "infographic");
      await waitFor(() => expect(asked).toEqual([prepare, prepare]));
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
