import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { IMPORT_ERROR_CODES, LOCALES, sharedMessage } from "@opencjm/core";
import { describe, expect, it } from "vitest";

const root = new URL("../../../../", import.meta.url).pathname;
const sourceDirs = ["packages/server/src", "packages/analytics/src"].map((dir) => join(root, dir));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

// Every way a code is given: an error's `code: "…"`, the helpers that take one first, and ImportError("…").
// notFound("touchpoint rule") is keyed not_found.touchpointRule.
const CODE_PATTERNS = [
  /\bcode: "([a-z][a-z0-9_]*)"/g,
  /\b(?:conflict|unauthenticated|badRequest)\(\s*"([a-z][a-z0-9_]*)"/g,
  /\btryAgainLater\(\s*(?:"[a-z_]+"|\d+),\s*"([a-z][a-z0-9_]*)"/g,
  /\bnew ImportError\(\s*"([a-z][a-z0-9_]*)"/g,
];
// `code: "…"` also names things that are not errors (zod's issue codes, import error kinds checked elsewhere).
const NOT_ERROR_CODES = new Set(["custom"]);

/** Each error code the server and analytics sources can produce, with the first file that does. */
function scannedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceDirs.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    const where = relative(root, file);
    for (const pattern of CODE_PATTERNS)
      for (const match of text.matchAll(pattern))
        if (!NOT_ERROR_CODES.has(match[1]!) && !found.has(match[1]!)) found.set(match[1]!, where);
    for (const match of text.matchAll(/\bnotFound\(\s*"([a-z ]+)"\s*\)/g)) {
      const key = `not_found.${match[1]!.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/ /g, "")}`;
      if (!found.has(key)) found.set(key, where);
    }
  }
  for (const code of IMPORT_ERROR_CODES) if (!found.has(code)) found.set(code, "packages/core/src/contract/errors.ts");
  return found;
}

describe("errors catalogue", () => {
  it("finds the codes it scans for", () => {
    const keys = scannedKeys();
    expect(keys.get("already_owner")).toMatch(/ownershipTransferer\.ts$/);
    expect(keys.get("not_found.touchpointRule")).toMatch(/touchpointRuleStore\.ts$/);
    expect(keys.get("too_many_exports")).toMatch(/ExportQueue\.ts$/);
    expect(keys.get("ragged_row")).toBeDefined();
  });

  it("has a message for every error code the server can send, in all five languages", () => {
    const missing = [...scannedKeys()].flatMap(([key, file]) => {
      const languages = LOCALES.filter((locale) => sharedMessage(locale, "errors", key) === undefined);
      return languages.length ? [`${key} (${file}): no entry in ${languages.join(", ")}`] : [];
    });
    // Add each to packages/core/src/i18n/errors/<locale>.json (see CONTRIBUTING.md, "A new error code").
    expect(missing).toEqual([]);
  });
});
