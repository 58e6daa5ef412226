import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoExportInput, FIXTURE_CHANNELS } from "../mapExport/exportFixtures.js";
import { exportMermaidJourney } from "../mapExport/mermaidJourney.js";
import { parseMermaidJourney } from "./parseMermaidJourney.js";
import type { ImportDraft } from "./ImportDraft.js";
import { PersonaSchema } from "@opencjm/core";

const SHARED = new URL(
  "../../../../../shared/cjm-research-data/journey-maps/mermaid/user-journey-example.mmd",
  import.meta.url,
);

function reexport(draft: ImportDraft): string {
  const personas = draft.personas.map((p) =>
    PersonaSchema.parse({ ...p.fields, id: p.oldId, createdAt: "", updatedAt: "" }),
  );
  return exportMermaidJourney({
    map: { id: "x", title: "" },
    snapshot: draft.snapshot,
    personas,
    touchpoints: [],
    channels: FIXTURE_CHANNELS,
    locale: "en",
    exportedAt: new Date(0),
  });
}

describe("Mermaid journey export and import", () => {
  it("reads the shared example: sections as stages, tasks as steps, actors as personas with the task's score", () => {
    const draft = parseMermaidJourney(readFileSync(SHARED, "utf8"));
    const s = draft.snapshot;
    expect(s.settings.title).toBe("My working day");
    expect(s.stages.map((x) => x.name)).toEqual(["Go to work", "Go home"]);
    expect(s.steps.map((x) => x.name)).toEqual(["Make tea", "Go upstairs", "Do work", "Go downstairs", "Sit down"]);
    expect(s.lanes.map((l) => l.type)).toEqual(["emotion"]);
    expect(draft.personas.map((p) => p.fields.name)).toEqual(["Me", "Cat"]);
    const cat = draft.personas[1]!.oldId;
    expect(
      s.emotions.filter((e) => e.personaId === cat).map((e) => [s.steps.find((x) => x.id === e.stepId)!.name, e.value]),
    ).toEqual([["Do work", -2]]);
    expect(s.emotions).toHaveLength(6);
  });

  it("round-trips: our map → Mermaid → import → Mermaid gives the same text, stages, steps and scores", () => {
    const input = demoExportInput();
    const text = exportMermaidJourney(input);
    const draft = parseMermaidJourney(text);
    expect(reexport(draft)).toBe(text);
    expect(draft.snapshot.steps.map((s) => s.name)).toEqual(input.snapshot.steps.map((s) => s.name));
    expect(draft.snapshot.emotions.map((e) => e.value)).toEqual(input.snapshot.emotions.map((e) => e.value));
  });

  it("keeps user text from breaking the syntax: colons, semicolons and hashes become look-alikes", () => {
    const input = demoExportInput();
    input.snapshot.steps[0] = { ...input.snapshot.steps[0]!, name: "Pays: card #2; fails" };
    const text = exportMermaidJourney(input);
    expect(text).toContain("Pays： card ＃2； fails: ");
    expect(parseMermaidJourney(text).snapshot.steps[0]!.name).toBe("Pays： card ＃2； fails");
  });

  it("names the line of a malformed task and the missing header", () => {
    expect(() => parseMermaidJourney("journey\n  section A\n  Make tea: lots: Me\n")).toThrow(
      'line 3: score "lots" is not a number',
    );
    expect(() => parseMermaidJourney("journey\n  section A\n  just words\n")).toThrow(/line 3: expected/);
    expect(() => parseMermaidJourney("flowchart LR\n A --> B\n")).toThrow(
      /line 1: a Mermaid journey starts with "journey"/,
    );
  });
});
