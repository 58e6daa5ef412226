// A newcomer's first visit to a page, as bench/mapEditor.ts measures it: time to ready, the bytes on the wire (through
// the counting relay of wireMeter.ts, so the socket's compressed size), the requests in order, and main-thread CPU.
import type { BrowserContext } from "playwright-core";
import type { WireMeter } from "./wireMeter.js";

/** What a load took over the wire before the map was ready, from the page's resource timing (same origin). */
interface WireFigures {
  /** HTTP bytes received (headers and bodies as sent, so compressed where the server compressed). */
  transferredKB: number;
  /** The same bodies once decoded. */
  decodedKB: number;
  scriptFiles: number;
  /** When the request for the language's catalogue started and when its last byte arrived, ms since navigation. */
  catalogueStartMs: number;
  catalogueEndMs: number;
  /** Bytes the server sent on the collaboration socket (the map's first sync), on the wire: compressed. */
  socketKB: number;
  /** The same messages once decoded, as the browser driver sees them. */
  socketDecodedKB: number;
  /** Bytes the server sent over HTTP, on the wire (headers included). */
  httpWireKB: number;
  /** Every request until the map was ready, in the order they started: [path, start, end] in ms since navigation. */
  waterfall: Array<[string, number, number]>;
}

/** CPU time of the page's main thread from navigation to ready (Chromium's Performance metrics, thread ticks), ms. */
interface MainThreadFigures {
  tasks: number;
  script: number;
  layout: number;
  style: number;
}

const WIRE_PROBE = `window.__tti.then((ready) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const before = performance.getEntriesByType("resource").filter((r) => r.responseEnd <= ready);
  const catalogue = before.find((r) => r.name.includes("/assets/messages."));
  const kb = (n) => Math.round(n / 102.4) / 10;
  return {
    transferredKB: kb(nav.transferSize + before.reduce((s, r) => s + r.transferSize, 0)),
    decodedKB: kb(nav.decodedBodySize + before.reduce((s, r) => s + r.decodedBodySize, 0)),
    scriptFiles: before.filter((r) => r.name.endsWith(".js")).length,
    catalogueStartMs: catalogue ? Math.round(catalogue.startTime) : -1,
    catalogueEndMs: catalogue ? Math.round(catalogue.responseEnd) : -1,
    waterfall: before
      .sort((a, b) => a.startTime - b.startTime)
      .map((r) => [new URL(r.name).pathname.slice(0, 48), Math.round(r.startTime), Math.round(r.responseEnd)]),
  };
})`;

const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** A network between the browser and the server, as Chromium's DevTools emulate it. */
export interface EmulatedNetwork {
  /** Added to every request's round trip, ms. */
  latencyMs: number;
  downloadMbps: number;
  uploadMbps: number;
}

/**
 * A newcomer's visit: a fresh signed-in browser context (nothing cached), straight to `url` through the wire meter,
 * timed to ready with the page's phase marks, its bytes on the wire and its main thread's CPU time; over `network`
 * when given (a newcomer is rarely on the server's own machine).
 */
export async function coldVisit(
  into: BrowserContext,
  url: string,
  probe: string,
  meter: WireMeter,
  network?: EmulatedNetwork,
) {
  const page = await into.newPage();
  await page.addInitScript({ content: probe });
  await page.bringToFront();
  let socketDecoded = 0;
  page.on("websocket", (socket) =>
    socket.on("framereceived", (frame) => {
      socketDecoded += typeof frame.payload === "string" ? Buffer.byteLength(frame.payload) : frame.payload.length;
    }),
  );
  const cdp = await into.newCDPSession(page);
  // Thread ticks: the main thread's own CPU time, which other work on the machine does not lengthen as it does wall time.
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: (network.downloadMbps * 1e6) / 8,
      uploadThroughput: (network.uploadMbps * 1e6) / 8,
    });
  }
  meter.reset();
  await page.goto(url);
  const tti = await page.evaluate<number>("window.__tti");
  const [socketBytes, httpBytes] = [meter.socketBytes(), meter.httpBytes()];
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
  const mainThread: MainThreadFigures = {
    tasks: metric("TaskDuration"),
    script: metric("ScriptDuration"),
    layout: metric("LayoutDuration"),
    style: metric("RecalcStyleDuration"),
  };
  const marks = await page.evaluate<Record<string, number>>(
    "Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cjm:')).map((m) => [m.name.slice(4), Math.round(m.startTime)]))",
  );
  const wire: WireFigures = {
    ...(await page.evaluate<Omit<WireFigures, "socketKB" | "socketDecodedKB" | "httpWireKB">>(WIRE_PROBE)),
    socketKB: kilobytes(socketBytes),
    socketDecodedKB: kilobytes(socketDecoded),
    httpWireKB: kilobytes(httpBytes),
  };
  return { tti, phases: Object.fromEntries(Object.entries(marks).sort((a, b) => a[1] - b[1])), wire, mainThread };
}
