// In-page probes and the static baseline page of the map editor benchmark (mapEditor.ts).
import type { Page } from "playwright-core";
import type { MapSnapshot } from "@opencjm/core";

/**
 * The cells and cards of the first `columns` steps of the first `lanes` lanes as a plain HTML table, served from the
 * same origin (load baseline).
 */
export function baselineTable(snapshot: MapSnapshot, columns: number, lanes: number): string {
  const byCell = new Map(snapshot.cells.map((c) => [`${c.laneId}:${c.stepId}`, c.cards]));
  const steps = snapshot.steps.slice(0, columns);
  const head = `<tr><th></th>${steps.map((s) => `<th>${s.name}</th>`).join("")}</tr>`;
  const rows = snapshot.lanes
    .slice(0, lanes)
    .map(
      (l) =>
        `<tr data-row><th>${l.name}</th>${steps.map((s) => `<td data-cell tabindex="-1">${(byCell.get(`${l.id}:${s.id}`) ?? []).map((c) => `<div>${"text" in c ? c.text : ""}</div>`).join("")}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><style>td,th{border:1px solid #ccc;font:13px sans-serif;min-width:220px;vertical-align:top}</style><table id="grid">${head}${rows}</table><textarea id="bare" rows="3" cols="40"></textarea>`;
}

// In-page probes, as strings so this file needs no DOM types. `__tti` resolves at the first frame painted after the
// cells filling the window are in the DOM and one holds the tab stop (the grid's roving tabindex, or the baseline's
// first cell). "Filling the window": each lane row in the DOM has the columns in view, and the rows reach the bottom
// of the map's viewport (or every lane is there). The editor renders only the columns near the viewport, the rest as
// they are scrolled to; and on opening, only the lanes that fill the window, the rest right after that first frame.
// `__cells` and `__lanes` record what was in the DOM at that moment (the baseline table is given as many).
/** Where the load probe finds the map's rows, cells and tab stop. */
export interface ProbeSelectors {
  row: string;
  /** A cell, within a row. */
  cell: string;
  focusable: string;
  /** The scrolling box the map is shown in; the window when null. */
  viewport: string | null;
}
/** The in-page script that resolves `window.__tti` once the window is filled (see above). */
export const LOAD_PROBE = (on: ProbeSelectors, columns: number, lanes: number) => `
  window.__tti = new Promise((resolve) => {
    const ready = () => {
      const rows = document.querySelectorAll(${JSON.stringify(on.row)});
      if (rows.length === 0 || !document.querySelector(${JSON.stringify(on.focusable)})) return false;
      for (const row of rows) if (row.querySelectorAll(${JSON.stringify(on.cell)}).length < ${columns}) return false;
      window.__lanes = rows.length;
      window.__cells = document.querySelectorAll(${JSON.stringify(`${on.row} ${on.cell}`)}).length;
      if (rows.length >= ${lanes}) return true;
      const box = ${on.viewport ? `document.querySelector(${JSON.stringify(on.viewport)})` : "null"};
      const bottom = box ? box.getBoundingClientRect().bottom : innerHeight;
      return rows[rows.length - 1].querySelector(${JSON.stringify(on.cell)}).getBoundingClientRect().bottom >= bottom;
    };
    const done = () => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now()); c.port2.postMessage(0); });
    const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(); } });
    observer.observe(document, { childList: true, subtree: true });
  });`;

/** The in-page script that records keystroke-to-frame times in `window.__keys`. */
export const KEY_PROBE = `
  window.__keys = [];
  let pending = null;
  addEventListener("keydown", (e) => { if (e.key.length === 1) pending = { key: e.key, t0: performance.now() }; }, true);
  addEventListener("input", (e) => {
    const p = pending; pending = null;
    if (!p || !String(e.target.value ?? "").includes(p.key)) return;
    requestAnimationFrame(() => window.__keys.push(performance.now() - p.t0));
  }, true);`;

/** Types `count` characters into the focused field and returns each keystroke's time to the next frame, in ms. */
export async function measureKeystrokes(page: Page, count: number): Promise<number[]> {
  await page.evaluate("window.__keys = []");
  const text = "the customer compares two offers and reads reviews ";
  for (let i = 0; i < count; i++) await page.keyboard.press(text[i % text.length]!);
  // Polled with evaluate: the app's CSP forbids the string predicates of waitForFunction.
  for (let tries = 0; tries < 200; tries++) {
    const keys = await page.evaluate<number[]>("window.__keys");
    if (keys.length >= Math.floor(count * 0.95)) return keys;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `the keystrokes never reached the page: ${await page.evaluate<string>("JSON.stringify([window.__keys, document.activeElement && document.activeElement.outerHTML.slice(0, 200)])")}`,
  );
}
