import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAP_SCHEMA_PATH, mapJsonSchema } from "./mapJsonSchema.js";

const FILE = new URL(`../../../../docs/schemas/${MAP_SCHEMA_PATH.split("/").pop()}`, import.meta.url);

describe("published JSON Schema of the map format", () => {
  it("is the file kept in the repository (regenerate with `npm run build && node scripts/generateMapSchema.mjs`)", () => {
    expect(JSON.parse(readFileSync(FILE, "utf8"))).toEqual(mapJsonSchema());
  });

  it("describes the envelope, the snapshot and every card kind", () => {
    const text = JSON.stringify(mapJsonSchema());
    const schema = mapJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(["format", "formatVersion", "map", "snapshot"]));
    for (const kind of ["painPoint", "touchpoint", "momentOfTruth", "process", "kpi"])
      expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"emotionScale"');
  });
});
