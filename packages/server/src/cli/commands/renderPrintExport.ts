import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../../app.js";
import { closePrintRenderer } from "../../mapExport/MapPrintRenderer.js";
import { renderPrintExport as render, type PrintExportRequest } from "../../mapExport/renderPrintExport.js";
import type { Services } from "../../services.js";
import { CliError } from "../CliError.js";
import { cliText } from "../cliLanguage.js";
import { firstOwnerId } from "../../store/memberStore.js";

/**
 * PDF/PNG export from the command line: Chromium prints the web app's print view, so the CLI serves the app on a
 * loopback port of its own for as long as the export takes, then stops it and the browser.
 */
export async function renderPrintExport(
  services: Services,
  map: { id: string; workspaceId: string },
  request: PrintExportRequest,
): Promise<Uint8Array> {
  const ownerId = await firstOwnerId(services.db, map.workspaceId);
  if (!ownerId) throw new CliError(cliText("mapWorkspaceWithoutOwner", { workspace: map.workspaceId }));
  const app = createApp(services);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server)) as Server;
  });
  try {
    return await render(services, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, map, ownerId, request);
  } finally {
    await closePrintRenderer(services);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
