import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { join } from "node:path";
import { createGzip, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { previewFile } from "./previewFile.js";
import { zipFiles } from "./testing/buildZip.js";
import { openTestWorkspace, type TestWorkspace } from "./testing/testWorkspace.js";

const PM4PY = join(import.meta.dirname, "../../../../../shared/cjm-research-data/event-logs/pm4py");
const read = (name: string) => readFileSync(join(PM4PY, name));

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

const journeys = (w: TestWorkspace) =>
  w.query("SELECT i.value, e.event_name, e.ts FROM events e JOIN identities i USING (customer_id) ORDER BY 1, 3, 2");

describe("compressed event logs are read as the file they hold", () => {
  it("a gzipped XES previews and imports the same journeys as the plain file", async () => {
    const gz = join(t.dir, "running-example.xes.gz");
    writeFileSync(gz, gzipSync(read("running-example.xes")));
    const preview = await previewFile(gz, { fileName: "running-example.xes.gz", complete: true });
    expect(preview.format).toBe("xes");
    expect(preview.header).toContain("concept:name");
    const result = await importEvents(t.db, { path: gz, fileName: "running-example.xes.gz", source: { name: "XES" } });
    expect([result.format, result.eventsStored, result.customers]).toEqual(["xes", 42, 6]);
    const plain = await openTestWorkspace();
    try {
      await importEvents(plain.db, { path: join(PM4PY, "running-example.xes"), source: { name: "XES" } });
      expect(await journeys(t)).toEqual(await journeys(plain));
    } finally {
      plain.dispose();
    }
  });

  it("a zipped CSV previews from its first bytes and imports whole", async () => {
    const zip = zipFiles([{ name: "logs/roadtraffic100traces.csv", bytes: read("roadtraffic100traces.csv") }]);
    const path = join(t.dir, "fines.zip");
    writeFileSync(path, zip);
    const prefix = join(t.dir, "fines-start.zip");
    writeFileSync(prefix, zip.subarray(0, 2000));
    const preview = await previewFile(prefix, { fileName: "fines.zip", complete: false });
    expect([preview.format, preview.delimiter]).toEqual(["csv", ","]);
    expect(preview.rows.length).toBeGreaterThan(0);
    const result = await importEvents(t.db, { path, fileName: "fines.zip", source: { name: "Fines" } });
    expect([result.format, result.eventsStored, result.customers]).toEqual(["csv", 390, 100]);
  });

  it("refuses a ZIP of two files naming both, and a gzip bomb by what it unpacks to, storing nothing", async () => {
    const two = join(t.dir, "two.zip");
    writeFileSync(
      two,
      zipFiles([
        { name: "a.csv", bytes: read("running-example.csv") },
        { name: "b.csv", bytes: read("running-example.csv") },
      ]),
    );
    await expect(importEvents(t.db, { path: two, fileName: "two.zip", source: { name: "Two" } })).rejects.toThrow(
      /more than one file \(a\.csv, b\.csv\)/,
    );
    // 260 MB of one repeated line gzips to a few hundred KB: past the 250 MB any compressed upload may unpack to.
    const bomb = join(t.dir, "bomb.csv.gz");
    const block = Buffer.from("c1,2024-01-01 00:00:00,visit\n".repeat(40_000));
    async function* lines() {
      yield Buffer.from("id,time,event\n");
      for (let written = 0; written < 260_000_000; written += block.length) yield block;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(bomb));
    await expect(
      importEvents(t.db, { path: bomb, fileName: "bomb.csv.gz", source: { name: "Bomb" } }),
    ).rejects.toMatchObject({
      code: "too_large",
    });
    expect(await t.query("SELECT count(*) FROM events")).toEqual([[0n]]);
  });
});
