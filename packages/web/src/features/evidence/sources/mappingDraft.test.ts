import { describe, expect, it } from "vitest";
import { draftFromMapping, mappingFits, mappingFromDraft, mappingProblems } from "./mappingDraft.js";

const header = ["email", "ts", "event", "plan", "page"];

describe("column mapping draft", () => {
  it("turns a guessed mapping into one role per column and back, other columns following the mapping", () => {
    const draft = draftFromMapping(header, {
      columns: {
        email: { role: "identifier", kind: "email" },
        ts: { role: "timestamp" },
        event: { role: "event" },
        plan: { role: "attribute", name: "Plan" },
      },
      otherColumns: "properties",
      timeZone: "Europe/Berlin",
    });
    expect(draft.columns.map((c) => [c.column, c.role, c.name])).toEqual([
      ["email", "identifier:email", ""],
      ["ts", "timestamp", ""],
      ["event", "event", ""],
      ["plan", "attribute", "Plan"],
      ["page", "property", ""],
    ]);
    const back = mappingFromDraft(draft);
    expect(back.columns).toEqual({
      email: { role: "identifier", kind: "email" },
      ts: { role: "timestamp" },
      event: { role: "event" },
      plan: { role: "attribute", name: "Plan" },
      page: { role: "property" },
    });
    expect(back).toMatchObject({ timeZone: "Europe/Berlin", otherColumns: "properties", timestampFormat: "auto" });
    expect(back.eventName).toBeUndefined();
  });

  it("keeps the choice for repeated rows: refuse the file by default, or import each event once, or keep copies", () => {
    expect(draftFromMapping(header, { columns: {} }).duplicates).toBe("error");
    const draft = draftFromMapping(header, { columns: {}, duplicates: "skip" });
    expect(draft.duplicates).toBe("skip");
    expect(mappingFromDraft({ ...draft, duplicates: "keep" }).duplicates).toBe("keep");
  });

  it("says what keeps a mapping from being imported, like the server", () => {
    const draft = draftFromMapping(header, { columns: {} });
    expect(mappingProblems(draft).map((p) => p.key)).toEqual([
      "evidence.mapping.problem.timestamp",
      "evidence.mapping.problem.identifier",
      "evidence.mapping.problem.event",
    ]);
    draft.columns[0]!.role = "identifier:email";
    draft.columns[1]!.role = "timestamp";
    draft.eventName = "Visit";
    expect(mappingProblems(draft)).toEqual([]);
    draft.columns[3]!.role = "score:nps";
    draft.columns[4]!.role = "score";
    draft.timeZone = "Mars/Olympus";
    expect(mappingProblems(draft)).toEqual([
      { key: "evidence.mapping.problem.tooMany", values: { role: "score", count: 2 } },
      { key: "evidence.mapping.problem.timeZone", values: { zone: "Mars/Olympus" } },
    ]);
  });

  it("reuses a source's saved mapping only when the file has every column it names", () => {
    expect(
      mappingFits(header, { columns: { email: { role: "identifier", kind: "email" }, ts: { role: "timestamp" } } }),
    ).toBe(true);
    expect(mappingFits(header, { columns: { mail: { role: "identifier", kind: "email" } } })).toBe(false);
    expect(mappingFits(header, null)).toBe(false);
  });
});
