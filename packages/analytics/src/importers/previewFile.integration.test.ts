import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ImportError } from "./ImportError.js";
import { previewFile } from "./previewFile.js";
import { SAMPLE_ROWS, writeSample } from "./testing/sampleEvents.js";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

/** The first `bytes` of a file, as an upload of its beginning would give. */
function head(path: string, bytes: number): string {
  return t.file(`head-${bytes}-${path.split("/").pop()}`, readFileSync(path).subarray(0, bytes));
}

describe("previewing a file from its first bytes", () => {
  it("a JSON array cut off mid-record shows the complete records before the cut", async () => {
    const path = await writeSample("json", join(t.dir, "s.json"));
    const cut = head(path, readFileSync(path).indexOf("bo@example.com") + 5);
    const preview = await previewFile(cut, { fileName: "s.json", complete: false });
    expect(preview.format).toBe("json");
    expect(preview.rows).toHaveLength(3);
    expect(preview.header).toEqual(["email", "ts", "event", "channel", "plan", "phone", "score", "kind", "text"]);
    expect(preview.guessedMapping.columns).toMatchObject({
      email: { role: "identifier", kind: "email" },
      ts: { role: "timestamp" },
      event: { role: "event" },
      channel: { role: "channel" },
    });
  });

  it("NDJSON drops the last, unfinished line", async () => {
    const path = await writeSample("ndjson", join(t.dir, "s.ndjson"));
    const text = readFileSync(path, "utf8");
    const preview = await previewFile(
      head(path, Buffer.byteLength(text.slice(0, text.indexOf("\n", text.indexOf("bo@")) + 10))),
      { fileName: "s.ndjson", complete: false },
    );
    expect(preview.rows).toHaveLength(4);
  });

  it("XES events are flattened with their trace's attributes", async () => {
    const path = await writeSample("xes", join(t.dir, "s.xes"));
    const preview = await previewFile(head(path, 1200), { fileName: "s.xes", complete: false });
    expect(preview.header.slice(0, 3)).toEqual(["case:concept:name", "email", "time:timestamp"]);
    expect(preview.rows[0]?.slice(0, 2)).toEqual(["all", SAMPLE_ROWS[0]!.email]);
    expect(preview.guessedMapping.columns["time:timestamp"]).toEqual({ role: "timestamp" });
  });

  it("XLSX and Parquet need the whole file", async () => {
    const xlsx = await writeSample("xlsx", join(t.dir, "s.xlsx"));
    const whole = await previewFile(xlsx, { fileName: "s.xlsx", complete: true });
    expect([whole.format, whole.rows.length, whole.rows[0]?.[2]]).toEqual(["xlsx", 6, "2024-03-01 09:00:00"]);
    const error = await rejection<ImportError>(previewFile(head(xlsx, 500), { fileName: "s.xlsx", complete: false }));
    expect(error.message).toBe("s.xlsx: a preview of XLSX needs the whole file, not its first bytes");
    const parquet = await writeSample("parquet", join(t.dir, "s.parquet"));
    expect((await previewFile(parquet, { fileName: "s.parquet", complete: true })).rows[2]?.slice(0, 2)).toEqual([
      "",
      "49301234567",
    ]);
  });
});
