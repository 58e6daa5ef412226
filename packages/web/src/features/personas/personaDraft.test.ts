import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../api/apiClient.js";
import { draftOf, fieldLabelKey, itemNumber, serverProblems, validateDraft } from "./personaDraft.js";

const persona = { id: "per_1", name: "Ana", createdAt: "2026-01-01", updatedAt: "2026-01-02", kind: "b2c" } as never;

describe("persona drafts", () => {
  it("fills every field's default and leaves out what the server assigns", () => {
    const draft = draftOf(persona);
    expect(draft).toMatchObject({
      name: "Ana",
      goals: [],
      buyingCommittee: [],
      demographics: {},
      psychographics: { values: [], interests: [] },
    });
    expect(draft).not.toHaveProperty("id");
    expect(draft).not.toHaveProperty("updatedAt");
  });

  it("names each bad field with its path, as the server would", () => {
    const problems = validateDraft({
      ...draftOf(persona),
      name: "  ",
      quote: "x".repeat(501),
      goals: ["ok", "y".repeat(501)],
      buyingCommittee: [{ name: "", role: "decider" }],
    });
    expect(problems.map((p) => p.path)).toEqual(["name", "quote", "goals.1", "buyingCommittee.0.name"]);
    expect(validateDraft(draftOf(persona))).toEqual([]);
  });

  it("maps problem paths to the label of the field and the item number", () => {
    expect(fieldLabelKey("demographics.jobTitle")).toBe("personas.field.demographics.jobTitle");
    expect(fieldLabelKey("goals.1")).toBe("personas.field.goals");
    expect(fieldLabelKey("buyingCommittee.0.name")).toBe("personas.member.name");
    expect(fieldLabelKey("customFields.3.value")).toBe("personas.custom.value");
    expect(itemNumber("goals.1")).toBe(2);
    expect(itemNumber("name")).toBeUndefined();
  });

  it("reads the server's issue paths in both notations", () => {
    const err = new ApiRequestError(400, "invalid_request", "bad", [
      { path: "buyingCommittee[0].name", message: "too short" },
      { path: "demographics.region", message: "too long" },
    ]);
    expect(serverProblems(err).map((p) => p.path)).toEqual(["buyingCommittee.0.name", "demographics.region"]);
  });
});
