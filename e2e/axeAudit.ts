/// <reference lib="dom" />
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, one line each naming the
 * rule, the first elements it flagged and `where` (the language and screen), so a failure says what to fix. `within`
 * narrows the check to an open dialog or menu once the page under it has been checked.
 * The page's context needs `bypassCSP`: axe is injected as an inline script, which the app's policy rightly refuses.
 */
export async function seriousViolations(page: Page, where: string, within = "html"): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const run = () =>
    page.evaluate(async (selector) => {
      const axe = (window as unknown as { axe: { run: (c: string, o: object) => Promise<{ violations: unknown }> } })
        .axe;
      return (await axe.run(selector, { resultTypes: ["violations"] })).violations as AxeViolation[];
    }, within);
  // A check made while the page is still settling (a socket syncing, a panel arriving) can catch a transient state;
  // a real violation is there again once the page is idle.
  let violations = (await run()).filter((v) => v.impact === "serious" || v.impact === "critical");
  if (violations.length > 0) {
    await page.waitForLoadState("networkidle");
    violations = (await run()).filter((v) => v.impact === "serious" || v.impact === "critical");
  }
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) on ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
  );
}
