// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "../../app/SessionProvider.js";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ExchangeMenu } from "./ExchangeMenu.js";

afterEach(cleanup);

describe("the export and share menu getting the server ready", () => {
  it("asks the server to get ready for the dialog's first export as the menu opens, not before", async () => {
    const asked: string[] = [];
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = `${init?.method ?? "GET"} ${String(input)}`;
      if (request.includes("/export/prepare")) asked.push(request);
      // Signed out as far as the menu knows: a reader, who may export but not share.
      return request.includes("/auth/")
        ? Response.json({ error: { code: "unauthenticated", message: "sign in" } }, { status: 401 })
        : new Response(null, { status: 204 });
    });
    try {
      const user = userEvent.setup();
      renderWithI18n(
        <SessionProvider>
          <ExchangeMenu workspaceId="w1" mapId="m1" />
        </SessionProvider>,
      );
      await waitFor(() => expect(screen.getByTestId("exchange-menu")).toBeTruthy());
      expect(asked).toEqual([]);
      await user.tab();
      await user.keyboard("{Enter}");
      const prepare = "POST /api/workspaces/w1/maps/m1/export/prepare?format=pdf&paper=A4&orientation=landscape";
      await waitFor(() => expect(asked).toEqual([prepare]));
      // The dialog asks for the same view (the server draws it once).
      await user.click(screen.getByTestId("open-export"));
      await waitFor(() => expect(screen.getByTestId("export-dialog")).toBeTruthy());
      await waitFor(() => expect(asked).toEqual([prepare, prepare]));
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
