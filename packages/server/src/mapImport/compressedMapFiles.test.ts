import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "./parseImportFile.js";

const OJF = readFileSync(
  fileURLToPath(
    new URL(
      "../../../../../shared/cjm-research-data/journey-maps/openjourney-ojf/ecommerce-purchase.ojf",
      import.meta.url,
    ),
  ),
);

/** A real ZIP archive of these files, deflated, as a ZIP program writes it. */
async function zipOf(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("compressed and unknown map files", () => {
  it("reads a gzipped map and a map alone in a ZIP archive as the file they hold", async () => {
    const plain = await parseImportFile({ name: "ecommerce-purchase.ojf", bytes: OJF });
    const gz = await parseImportFile({ name: "ecommerce-purchase.ojf.gz", bytes: gzipSync(OJF) });
    expect(gz.format).toBe("ojf");
    expect(gz.snapshot.steps.map((s) => s.name)).toEqual(plain.snapshot.steps.map((s) => s.name));
    const zip = await zipOf({ "maps/ecommerce-purchase.ojf": OJF });
    const zipped = await parseImportFile({ name: "export.zip", bytes: zip });
    expect(zipped.snapshot.cells).toHaveLength(plain.snapshot.cells.length);
  });

  it("refuses a ZIP of several files naming them, and a gzip that unpacks past the file limit", async () => {
    const two = await zipOf({ "a.ojf": OJF, "b.ojf": OJF });
    await expect(parseImportFile({ name: "two.zip", bytes: two })).rejects.toThrow(/holds 2 files \(a\.ojf, b\.ojf\)/);
    // 60 MB of spaces gzip to about 60 KB; a map file may be 50 MB.
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, 0x20));
    await expect(parseImportFile({ name: "bomb.json.gz", bytes: bomb })).rejects.toThrow(/unpacks to more than/);
  });

  it("names what an unread file looks like", async () => {
    const refused = (name: string, text: string | Uint8Array) =>
      parseImportFile({ name, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text }).catch(
        (e: Error) => e.message,
      );
    expect(await refused("scan.bin", "%PDF-1.7\n...")).toMatch(/scan\.bin: this looks like a PDF document/);
    expect(await refused("photo", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatch(/a JPEG image/);
    expect(await refused("log.xml", '<?xml version="1.0"?>\n<log xes.version="1.0">')).toMatch(/an XES event log/);
    expect(await refused("model.xml", '<?xml version="1.0"?>\n<note><to>x</to></note>')).toMatch(
      /XML that is neither an XES event log nor a BPMN model/,
    );
    expect(await refused("config.yml", "name: shop\nstages:\n  - a\n")).toMatch(/this looks like YAML/);
    expect(await refused("x.json", '{"hello": 1, "world": 2}')).toMatch(/JSON with the fields hello, world/);
  });
});
