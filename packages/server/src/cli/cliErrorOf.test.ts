import { describe, expect, it } from "vitest";
import { DomainError, fieldError, notFound } from "../errors/DomainError.js";
import { CliError } from "./CliError.js";
import { cliErrorOf } from "./cliErrorOf.js";

describe("domain errors on the command line", () => {
  it("names a field by its option", () => {
    const err = cliErrorOf(
      fieldError("personaId", `persona "Lena" has no segment rule`, { code: "persona_without_segment" }),
      { options: { personaId: "--persona" } },
    );
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`--persona: persona "Lena" has no segment rule`);
  });

  it("uses the command's own sentence for a code it knows", () => {
    expect(cliErrorOf(notFound("map"), { codes: { not_found: `--map: no map "m_1"` } }).message).toBe(
      `--map: no map "m_1"`,
    );
  });

  it("puts the file first unless the message already starts with it, or always when asked", () => {
    expect(
      cliErrorOf(fieldError("map.csv line 3", "not UTF-8", { code: "invalid_file" }), { file: "map.csv" }).message,
    ).toBe("map.csv line 3: not UTF-8");
    expect(
      cliErrorOf(fieldError("stages[0].name", "is empty", { code: "invalid_file" }), { file: "map.json" }).message,
    ).toBe("map.json: stages[0].name: is empty");
    expect(
      cliErrorOf(new DomainError({ kind: "conflict", code: "x", message: "map.json exists" }), {
        file: "map.json",
        always: true,
      }).message,
    ).toBe("map.json: map.json exists");
  });

  it("keeps any other failure's message", () => {
    expect(cliErrorOf(new Error("disk full")).message).toBe("disk full");
    expect(cliErrorOf("odd", { file: "a.json" }).message).toBe("a.json: odd");
  });
});
