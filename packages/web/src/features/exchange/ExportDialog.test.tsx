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
  it("asks the server to draw the export it offers as it opens, and again for another printed format or language only", async () => {
    const asked: string[] = [];
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      asked.push(`${init?.method ?? "GET"} ${String(input)}`);
      return new Response(null, { status: 204 });
    });
    try {
      const user = userEvent.setup();
      renderWithI18n(<ExportDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
      const prepare = (query: string) => `POST /api/workspaces/w1/maps/m1/export/prepare?${query}`;
      const pdf = prepare("format=pdf&paper=A4&orientation=landscape");
      await waitFor(() => expect(asked).toEqual([pdf]));
      // Paper and orientation: nothing more to draw ahead; data formats: nothing to draw at all.
      await user.selectOptions(screen.getByTestId("export-paper"), "A3");
      await user.selectOptions(screen.getByTestId("export-orientation"), "portrait");
      await user.selectOptions(screen.getByTestId("export-format"), "csv");
      await user.selectOptions(screen.getByTestId("export-format"), "xlsx");
      expect(asked).toEqual([pdf]);
      // Another language is drawn in its own fonts, the infographic in its own layout, each on the paper chosen.
      await user.selectOptions(screen.getByTestId("export-format"), "infographic");
      await user.selectOptions(screen.getByTestId("export-language"), "fa");
      await waitFor(() =>
        expect(asked).toEqual([
          pdf,
          prepare("format=infographic&paper=A3"),
          prepare("format=infographic&lang=fa&paper=A3"),
        ]),
      );
      // A PNG's density is the picture's: nothing the server could draw ahead differs.
      await user.selectOptions(screen.getByTestId("export-format"), "png");
      await user.selectOptions(screen.getByTestId("export-scale"), "3");
      await waitFor(() => expect(asked).toHaveLength(4));
      expect(asked[3]).toBe(prepare("format=png&lang=fa"));
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
