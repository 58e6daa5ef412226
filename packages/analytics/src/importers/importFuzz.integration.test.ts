import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../random/seededRandom.js";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import type { ImportFormat } from "@opencjm/core";
import { previewFile } from "./previewFile.js";
import { SAMPLE_MAPPING, writeSample } from "./testing/sampleEvents.js";
import { openTestWorkspace, type TestWorkspace } from "./testing/testWorkspace.js";

// Hostile event files (issue 11): random bytes and mangled copies of valid files, fed to the preview and the import.
// Each must either succeed or be refused with an ImportError (never another exception, never a hang), and a refused
// import must leave every data table as it was. Bounded by the number of cases, and repeatable from the seed.
const SEED = 20_260_511;
const PREVIEW_CASES = 2_500;
const IMPORT_CASES = 400;
const FORMATS: ImportFormat[] = ["csv", "ndjson", "xes", "xlsx", "json", "tsv"];

let t: TestWorkspace;
const valid = new Map<ImportFormat, Buffer>();

beforeAll(async () => {
  t = await openTestWorkspace();
  for (const format of FORMATS)
    valid.set(format, readFileSync(await writeSample(format, join(t.dir, `valid.${format}`))));
});
afterAll(() => t.dispose());

/** One hostile file: its bytes, the name it is sent under, and a description to name a failing case by. */
interface Case {
  bytes: Buffer;
  fileName: string;
  what: string;
}

function makeCase(random: () => number, n: number): Case {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (max: number) => Math.floor(random() * max);
  const format = pick(FORMATS);
  const name = `case${n}.${random() < 0.9 ? format : pick(["bin", "txt", "xlsx", "csv"])}`;
  const source = valid.get(format)!;
  const kind = int(6);
  let bytes: Buffer;
  if (kind === 0) bytes = Buffer.from(Array.from({ length: int(4096) }, () => int(256)));
  else if (kind === 1)
    bytes = source.subarray(0, int(source.length + 1)); // a prefix, as an upload cut short
  else if (kind === 2) {
    bytes = Buffer.from(source);
    for (let i = int(8) + 1; i > 0; i--) bytes[int(bytes.length)] = int(256); // flipped bytes
  } else if (kind === 3) {
    const at = int(source.length);
    bytes = Buffer.concat([
      source.subarray(0, at),
      Buffer.from(Array.from({ length: int(64) + 1 }, () => int(256))),
      source.subarray(at),
    ]);
  } else if (kind === 4) {
    const from = int(source.length);
    const slice = source.subarray(from, from + int(200));
    const at = int(source.length);
    bytes = Buffer.concat([source.subarray(0, at), slice, slice, source.subarray(at)]); // a repeated stretch
  } else {
    const cut = int(source.length + 1);
    bytes = Buffer.concat([
      source.subarray(0, cut),
      Buffer.from(Array.from({ length: int(32) }, () => pick([0x00, 0x0a, 0x22, 0x2c, 0x3c, 0x7b, 0x5b, 0xff]))),
    ]);
  }
  return {
    bytes,
    fileName: name,
    what: `case ${n}: ${["random bytes", "prefix", "flipped bytes", "inserted bytes", "repeated stretch", "prefix and junk"][kind]} of ${format} as ${name} (${bytes.length} bytes)`,
  };
}

/** Runs `work`; a rejection that is not an ImportError fails the test, naming the case. */
async function settles(work: Promise<unknown>, c: Case): Promise<"ok" | "refused"> {
  try {
    await work;
    return "ok";
  } catch (err) {
    if (err instanceof ImportError) return "refused";
    throw new Error(
      `${c.what} threw ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`,
    );
  }
}

describe("hostile event files", { timeout: 900_000 }, () => {
  it(`${PREVIEW_CASES} previews each show the file or refuse it with an ImportError`, async () => {
    const random = seededRandom(SEED);
    const outcomes = { ok: 0, refused: 0 };
    for (let n = 0; n < PREVIEW_CASES; n++) {
      const c = makeCase(random, n);
      const path = t.file(c.fileName, c.bytes);
      outcomes[await settles(previewFile(path, { fileName: c.fileName, complete: random() < 0.5 }), c)]++;
    }
    // Both outcomes occur, so the cases are neither all garbage nor all harmless.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it(`${IMPORT_CASES} imports each succeed or are refused with an ImportError, and a refusal stores nothing`, async () => {
    const random = seededRandom(SEED + 1);
    const outcomes = { ok: 0, refused: 0 };
    let before = await t.fingerprint();
    for (let n = 0; n < IMPORT_CASES; n++) {
      const c = makeCase(random, n);
      const path = t.file(c.fileName, c.bytes);
      // Half with the sample's mapping, half guessing one from the header, and duplicates skipped now and then.
      const mapping =
        random() < 0.5
          ? { ...SAMPLE_MAPPING, duplicates: random() < 0.5 ? ("skip" as const) : ("error" as const) }
          : undefined;
      const outcome = await settles(
        importEvents(t.db, {
          path,
          fileName: c.fileName,
          source: { name: random() < 0.8 ? "Shop" : `Source ${n}` },
          mapping,
        }),
        c,
      );
      outcomes[outcome]++;
      const after = await t.fingerprint();
      if (outcome === "refused") expect(after, c.what).toEqual(before);
      before = after;
    }
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
