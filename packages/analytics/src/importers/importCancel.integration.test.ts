import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withWriteLock } from "../engines/duckdb/writeLock.js";
import { getImport } from "./importRecord.js";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import { runImport } from "./runImport.js";
import type { ImportFormat, ImportPhase } from "@opencjm/core";
import { SAMPLE_MAPPING, sampleDelimited, writeSample } from "./testing/sampleEvents.js";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
let before: Record<string, string>;

beforeEach(async () => {
  t = await openTestWorkspace();
  await importEvents(t.db, {
    path: t.file("first.csv", sampleDelimited()),
    source: { name: "Shop" },
    mapping: SAMPLE_MAPPING,
  });
  before = await t.fingerprint();
});
afterEach(() => t.dispose());

/** Imports the sample (with other dates, so it is no duplicate) and cancels it when `phase` is first reported. */
async function cancelledAt(phase: ImportPhase, format: ImportFormat = "csv"): Promise<ImportError> {
  const path =
    format === "csv"
      ? t.file("later.csv", sampleDelimited().replace(/2024-03/g, "2024-04"))
      : await writeSample(format, join(t.dir, `later.${format}`));
  const controller = new AbortController();
  const importId = `imp_cancel_${phase}_${format}`;
  const error = await rejection<ImportError>(
    importEvents(t.db, {
      path,
      source: { name: "Shop" },
      mapping: { ...SAMPLE_MAPPING, duplicates: "skip" },
      importId,
      signal: controller.signal,
      onProgress: (p) => p.phase === phase && controller.abort("by Ana"),
    }),
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(await t.fingerprint()).toEqual(before);
  expect(await getImport(t.db.connection, importId)).toMatchObject({
    status: "failed",
    eventsStored: 0,
    error: { code: "cancelled" },
  });
  return error;
}

describe("a cancelled import stores nothing, whenever it is cancelled, and its history says so", () => {
  it.each<ImportPhase>(["prepare", "read", "check", "stitch", "write"])("cancelled in the %s phase", async (phase) => {
    const error = await cancelledAt(phase);
    expect([error.code, error.message]).toEqual([
      "cancelled",
      "later.csv: the import was cancelled by Ana; nothing of it was stored",
    ]);
  });

  it.each<ImportFormat>(["xlsx", "xes"])("a %s file cancelled while it is converted", async (format) => {
    expect((await cancelledAt("prepare", format)).code).toBe("cancelled");
  });

  it("an import waiting for the one before it leaves the queue at once", async () => {
    let release = () => {};
    const running = withWriteLock(t.db, () => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = importEvents(t.db, {
      path: t.file("queued.csv", sampleDelimited()),
      source: { name: "Shop" },
      importId: "imp_queued",
      signal: controller.signal,
    });
    controller.abort("by Ana");
    // The import before it still holds the lock: the cancelled one has ended without waiting for it.
    const error = await rejection<ImportError>(waiting);
    expect([error.code, error.message]).toEqual([
      "cancelled",
      "queued.csv: the import was cancelled by Ana; nothing of it was stored",
    ]);
    expect(await getImport(t.db.connection, "imp_queued")).toMatchObject({
      status: "failed",
      error: { code: "cancelled" },
    });
    release();
    await running;
    expect(await t.fingerprint()).toEqual(before);
  });

  it("an import cancelled as it starts, before its history entry is written, still leaves one", async () => {
    // A server stopping in the first moments of a run: the client was already told the import's id.
    const controller = new AbortController();
    controller.abort("because the server stopped");
    const error = await rejection<ImportError>(
      runImport(t.db, {
        path: t.file("early.csv", sampleDelimited().replace(/2024-03/g, "2024-05")),
        source: { name: "Shop" },
        importId: "imp_early",
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe("cancelled");
    expect(await t.fingerprint()).toEqual(before);
    expect(await getImport(t.db.connection, "imp_early")).toMatchObject({
      status: "failed",
      eventsStored: 0,
      fileName: "early.csv",
      error: {
        code: "cancelled",
        message: "early.csv: the import was cancelled because the server stopped; nothing of it was stored",
      },
    });
  });
});
