// @vitest-environment jsdom
import type { ShareLink } from "@opencjm/core";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { ShareDialog } from "./ShareDialog.js";

const PATH = "/api/workspaces/w1/maps/m1/share-links";
const link = (id: string, label: string, includeResearch = false): ShareLink => ({
  id,
  mapId: "m1",
  label,
  createdAt: "2026-03-01T00:00:00.000Z",
  expiresAt: null,
  lastUsedAt: null,
  expired: false,
  createdBy: "u1",
  includeResearch,
});

/** A real HTTP server standing in for the share-link endpoints, keeping the links in memory as the API does. */
let server: Server;
let links: ShareLink[];
let listFails: boolean;
const realFetch = globalThis.fetch;

beforeEach(async () => {
  links = [link("l1", "Workshop <b>wall</b>")];
  listFails = false;
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === PATH && req.method === "GET") {
        if (listFails) return json(403, { error: { code: "forbidden", message: "not allowed", issues: [] } });
        return json(200, links);
      }
      if (req.url === PATH && req.method === "POST") {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { label: string; includeResearch: boolean };
        links.push(link(`l${links.length + 1}`, body.label, body.includeResearch));
        return json(201, { ...links.at(-1), token: "tok", url: "/share/tok", embedUrl: "/embed/tok" });
      }
      if (req.url?.startsWith(`${PATH}/`) && req.method === "DELETE") {
        links = links.filter((l) => l.id !== req.url!.slice(PATH.length + 1));
        return json(200, { ok: true });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});

afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

const listed = () => screen.queryAllByTestId("share-link").map((li) => li.querySelector("bdi")?.textContent);

describe("ShareDialog", () => {
  it("lists the map's links, shows a new link once and lists it, and drops a revoked one from the list", async () => {
    const user = userEvent.setup();
    renderWithI18n(<ShareDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
    await waitFor(() => expect(listed()).toEqual(["Workshop <b>wall</b>"]));

    await user.type(screen.getByTestId("share-label"), "Board");
    await user.click(screen.getByTestId("share-create"));
    await waitFor(() => expect(listed()).toEqual(["Workshop <b>wall</b>", "Board"]));
    expect((screen.getByTestId("share-url") as HTMLInputElement).value).toBe(`${window.location.origin}/share/tok`);
    expect((screen.getByTestId("share-label") as HTMLInputElement).value).toBe("");

    const first = screen.getAllByTestId("share-link")[0]!;
    await user.click(within(first).getByTestId("share-revoke"));
    await waitFor(() => expect(listed()).toEqual(["Board"]));
    expect(screen.getByText("The link no longer works.")).toBeTruthy();
  });

  it("includes the research appendix only when the sharer ticks it, and marks such links in the list", async () => {
    const user = userEvent.setup();
    renderWithI18n(<ShareDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />);
    await waitFor(() => expect(listed()).toEqual(["Workshop <b>wall</b>"]));
    expect((screen.getByTestId("share-research") as HTMLInputElement).checked).toBe(false);
    await user.type(screen.getByTestId("share-label"), "Agency");
    await user.click(screen.getByTestId("share-create"));
    await waitFor(() => expect(listed()).toEqual(["Workshop <b>wall</b>", "Agency"]));
    expect(links.map((l) => l.includeResearch)).toEqual([false, false]);
    expect(screen.queryByTestId("share-research-badge")).toBeNull();

    await user.type(screen.getByTestId("share-label"), "Board");
    await user.click(screen.getByTestId("share-research"));
    await user.click(screen.getByTestId("share-create"));
    await waitFor(() => expect(listed()).toEqual(["Workshop <b>wall</b>", "Agency", "Board"]));
    expect(links.at(-1)!.includeResearch).toBe(true);
    const board = screen.getAllByTestId("share-link")[2]!;
    expect(within(board).getByTestId("share-research-badge").textContent).toBe("Research appendix");
    // The next link starts without research again.
    expect((screen.getByTestId("share-research") as HTMLInputElement).checked).toBe(false);
  });

  it("says so when the list cannot be loaded", async () => {
    listFails = true;
    renderWithI18n(<ShareDialog workspaceId="w1" mapId="m1" onClose={() => undefined} />, "ru");
    const note = await screen.findByTestId("exchange-error");
    expect(note.textContent).not.toBe("");
    expect(listed()).toEqual([]);
  });
});
