import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toMapExport } from "../mapExport/mapJsonFormat.js";
import { demoExportInput } from "../mapExport/exportFixtures.js";
import { parseImportFile } from "./parseImportFile.js";

const SHARED = fileURLToPath(new URL("../../../../../shared/cjm-research-data/journey-maps/", import.meta.url));
const file = (path: string) => ({
  name: path.split("/").pop()!,
  bytes: new Uint8Array(readFileSync(join(SHARED, path))),
});

/** What each third-party map in the shared research data should become. */
const EXPECTED: Record<
  string,
  {
    stages: string[];
    lanes: string[];
    cells: number;
    cards: number;
    emotions: number;
    personas: string[];
    touchpoints: number;
  }
> = {
  "openjourney-ojf/ecommerce-purchase.ojf": {
    stages: ["Discovery", "Research", "Purchase", "Onboarding"],
    lanes: ["actions", "emotion", "painPoints", "touchpoints"],
    cells: 6,
    cards: 6,
    emotions: 7,
    personas: ["Jane Doe, First-time Homeowner"],
    touchpoints: 0,
  },
  "openjourney-ojf/b2b-software-purchase.ojf": {
    stages: [
      "1. Awareness & Research",
      "2. Evaluation & Demo",
      "3. Security & Compliance",
      "4. Procurement & Contract",
      "5. Go-Live & Onboarding",
    ],
    lanes: ["actions", "touchpoints", "emotion", "painPoints"],
    cells: 9,
    cards: 9,
    emotions: 9,
    personas: ["IT Director"],
    touchpoints: 5,
  },
  "openjourney-ojf/customer-support.ojf": {
    stages: ["Problem Discovery", "Initial Support Contact", "Troubleshooting", "Resolution"],
    lanes: ["actions", "emotion", "painPoints", "touchpoints"],
    cells: 6,
    cards: 6,
    emotions: 8,
    personas: ["Sam, Tech-Savvy Parent"],
    touchpoints: 1,
  },
  "openjourney-ojf/event-booking.ojf": {
    stages: ["Registration", "Travel Logistics", "Pre-Event", "Day 1 Arrival"],
    lanes: ["actions", "emotion", "painPoints", "touchpoints"],
    cells: 7,
    cards: 7,
    emotions: 7,
    personas: ["Alex, Tech Lead"],
    touchpoints: 1,
  },
  "openjourney-ojf/clinic-visit-blueprint.ojf": {
    stages: ["Check-in", "Triage", "Consultation"],
    lanes: ["actions", "text", "frontstage", "backstage", "support", "emotion"],
    cells: 15,
    cards: 19,
    emotions: 3,
    personas: ["Returning Patient"],
    touchpoints: 0,
  },
  "mermaid/user-journey-example.mmd": {
    stages: ["Go to work", "Go home"],
    lanes: ["emotion"],
    cells: 0,
    cards: 0,
    emotions: 6,
    personas: ["Me", "Cat"],
    touchpoints: 0,
  },
};

describe("importing the shared third-party journey maps", () => {
  for (const [path, want] of Object.entries(EXPECTED)) {
    it(`${path}: expected stages, lanes, cells and emotions`, async () => {
      const draft = await parseImportFile(file(path));
      const s = draft.snapshot;
      expect(s.stages.map((x) => x.name)).toEqual(want.stages);
      expect(s.lanes.map((l) => l.type)).toEqual(want.lanes);
      expect(s.cells).toHaveLength(want.cells);
      expect(s.cells.reduce((n, c) => n + c.cards.length, 0)).toBe(want.cards);
      expect(s.emotions).toHaveLength(want.emotions);
      expect(draft.personas.map((p) => p.fields.name)).toEqual(want.personas);
      expect(draft.touchpoints).toHaveLength(want.touchpoints);
    });
  }

  it("covers every map in the shared folder: the formats we read import, the others are refused naming what they are", async () => {
    const all = readdirSync(SHARED).flatMap((dir) => readdirSync(join(SHARED, dir)).map((f) => `${dir}/${f}`));
    const refusals: Record<string, RegExp> = {
      "enablement-map-studio-yaml/sample.yaml":
        /looks like YAML from Enablement Map Studio \(kinds cjm, sbp, outcome, em\)/,
      "enablement-map-studio-yaml/ai-dev-org-standardization.yaml": /looks like YAML from Enablement Map Studio/,
      "service-blueprint-ir/sample-ir.json": /looks like a service-blueprint IR/,
      "persona-lab-export/persona-lab-export-v4.json": /looks like a Persona Lab export/,
    };
    for (const path of all) {
      if (EXPECTED[path]) continue;
      await expect(parseImportFile(file(path)), path).rejects.toMatchObject({
        code: "unsupported_format",
        message: expect.stringMatching(refusals[path] ?? /^$/),
      });
      expect((await parseImportFile(file(path)).catch((e: Error) => e.message)) as string).toContain(
        path.split("/").pop()!,
      );
    }
  });

  it("reports what an OpenJourney file has that a map cannot hold, and reads the blueprint variant as a service blueprint", async () => {
    const ecommerce = await parseImportFile(file("openjourney-ojf/ecommerce-purchase.ojf"));
    expect(ecommerce.report.dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "nodes[].tags",
          reason: "cards have no tags (4 nodes)",
          texts: ["Search", "Mobile", "Research", "Desktop", "Checkout", "Support", "Product"],
        }),
        expect.objectContaining({
          path: "nodes[].isMomentOfTruth",
          reason: "the map has no place for “isMomentOfTruth” (1 node)",
          texts: [],
        }),
      ]),
    );
    expect(ecommerce.report.fromVersion).toBe("1.0");
    const pain = ecommerce.snapshot.cells
      .flatMap((c) => c.cards)
      .find((c) => c.kind === "painPoint" && c.text.startsWith("Hidden Shipping Fees"));
    expect(pain).toMatchObject({
      severity: 4,
      text: "Hidden Shipping Fees\nShipping costs were not shown until the very last step.",
    });
    const clinic = await parseImportFile(file("openjourney-ojf/clinic-visit-blueprint.ojf"));
    expect(clinic.snapshot.settings).toMatchObject({
      title: "Patient Clinic Visit",
      type: "serviceBlueprint",
      goal: "Annual check-up at a GP clinic",
    });
    expect(clinic.report.fromVersion).toBe("1.1.0");
    const backstage = clinic.snapshot.lanes.find((l) => l.type === "backstage")!;
    expect(clinic.snapshot.cells.find((c) => c.laneId === backstage.id)!.cards[0]).toMatchObject({
      kind: "process",
      actor: "Billing Dept",
      text: "Verifies insurance eligibility",
    });
  });

  it("makes each scored card an emotion point at its own step, by one rule in every stage, and reads thoughts and feelings as thoughts", async () => {
    const b2b = (await parseImportFile(file("openjourney-ojf/b2b-software-purchase.ojf"))).snapshot;
    const stage = b2b.stages[0]!.id;
    const steps = b2b.steps.filter((s) => s.stageId === stage);
    expect(steps.map((s) => s.name)).toEqual(["Search for Solutions", "Marketing Website"]);
    expect(steps.map((s) => b2b.emotions.find((e) => e.stepId === s.id)?.value)).toEqual([0, -1]);
    expect(b2b.emotions.map((e) => e.value)).toEqual([0, -1, 0, 3, -2, 4, -1, 3, 2]);
    const ojf = {
      stages: [{ id: "s", name: "Wait" }],
      swimlanes: [
        { id: "t", name: "Thoughts & Feelings" },
        { id: "a", name: "Actions" },
      ],
      nodes: [
        { stageId: "s", swimlaneId: "a", title: "Queue", score: -2 },
        { stageId: "s", swimlaneId: "t", title: "Will this take long?", score: -3, sentiment: "impatient" },
      ],
    };
    const draft = await parseImportFile({ name: "w.ojf", bytes: new TextEncoder().encode(JSON.stringify(ojf)) });
    expect(draft.snapshot.lanes.map((l) => l.type)).toEqual(["thoughts", "actions", "emotion"]);
    const thought = draft.snapshot.cells.flatMap((c) => c.cards).find((c) => c.kind === "thought");
    expect(thought).toMatchObject({ text: "Will this take long?", question: true });
    expect(draft.snapshot.emotions.map((e) => [e.value, e.note])).toEqual([
      [-2, ""],
      [-3, "impatient"],
    ]);
  });

  it("tells the format from the content when the name does not, and names the line of broken JSON", async () => {
    const json = new TextEncoder().encode(
      JSON.stringify(
        toMapExport({ id: "m", title: "t", type: "currentState", status: "draft" }, demoExportInput().snapshot, [], []),
      ),
    );
    expect((await parseImportFile({ name: "upload", bytes: json })).format).toBe("json");
    expect(
      (await parseImportFile({ name: "journey.txt", bytes: file("mermaid/user-journey-example.mmd").bytes })).format,
    ).toBe("mermaid");
    expect(
      (
        await parseImportFile({
          name: "notes.md",
          bytes: new TextEncoder().encode("# Notes\n\n```mermaid\njourney\n  section A\n    Go: 4: Me\n```\n"),
        })
      ).format,
    ).toBe("mermaid");
    await expect(
      parseImportFile({ name: "x.json", bytes: new TextEncoder().encode('{\n  "format": "opencjm.map",\n  oops\n}') }),
    ).rejects.toThrow(/x\.json: invalid JSON at line 3, column \d+/);
    await expect(parseImportFile({ name: "empty.csv", bytes: new Uint8Array() })).rejects.toThrow(
      /empty\.csv: the file is empty/,
    );
    await expect(
      parseImportFile({ name: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }),
    ).rejects.toMatchObject({ code: "unsupported_format" });
  });
});
