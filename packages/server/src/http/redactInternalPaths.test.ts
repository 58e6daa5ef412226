import { describe, expect, it } from "vitest";
import { redactInternalPaths } from "./redactInternalPaths.js";

describe("error messages never show the server's file paths", () => {
  it("keeps only the file name of absolute paths, from the server's own folders or the usual top-level ones", () => {
    expect(redactInternalPaths("IO Error: No files found that match the pattern '/tmp/cjm-upload-1/events.csv'")).toBe(
      "IO Error: No files found that match the pattern '…/events.csv'",
    );
    expect(redactInternalPaths("cannot open /srv/cjm/data/opencjm.sqlite: locked", ["/srv/cjm"])).toBe(
      "cannot open …/opencjm.sqlite: locked",
    );
    expect(redactInternalPaths("ENOENT: no such file, open 'file:///work/main/packages/web/dist/index.html'")).toBe(
      "ENOENT: no such file, open '…/index.html'",
    );
    expect(redactInternalPaths("failed at C:\\opencjm\\data\\x.db")).toBe("failed at …/x.db");
  });

  it("drops stack frames", () => {
    expect(
      redactInternalPaths(
        "boom\n    at parse (/work/main/packages/server/src/x.ts:1:2)\n    at run (node:internal/x:3:4)",
      ),
    ).toBe("boom");
  });

  it("leaves API addresses, URLs and ordinary text alone", () => {
    const text =
      "no route GET /api/workspaces/ws_1 — see https://example.com/tmp/page and the field settings.title (1/2)";
    expect(redactInternalPaths(text, [])).toBe(text);
  });
});
