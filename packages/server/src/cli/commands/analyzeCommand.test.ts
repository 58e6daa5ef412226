import { describe, expect, it } from "vitest";
import { formatDuration, parseSegmentOption, printable } from "./analyzeCommand.js";

describe("cjm analyze option parsing", () => {
  it("reads the segment shorthand: equality as text, comparisons as numbers when they are numbers", () => {
    expect(parseSegmentOption("country=DE, age>=30,plan!=free,since>2024-01-01")).toEqual({
      match: "all",
      conditions: [
        { attribute: "country", operator: "eq", value: "DE" },
        { attribute: "age", operator: "gte", value: 30 },
        { attribute: "plan", operator: "neq", value: "free" },
        { attribute: "since", operator: "gt", value: "2024-01-01" },
      ],
    });
    expect(parseSegmentOption("zip=01234")).toEqual({
      match: "all",
      conditions: [{ attribute: "zip", operator: "eq", value: "01234" }],
    });
  });

  it("checks a JSON segment rule and names what is wrong", () => {
    expect(() => parseSegmentOption('{"match":"some","conditions":[]}')).toThrow(/^--segment: match:/);
    expect(() => parseSegmentOption("country")).toThrow(/--segment: "country" is not attribute=value/);
  });

  it("prints durations in the unit people read them in", () => {
    expect([
      formatDuration(null),
      formatDuration(4_000),
      formatDuration(90_000),
      formatDuration(5_400_000),
      formatDuration(3 * 86_400_000),
    ]).toEqual(["–", "4 s", "1.5 min", "1.5 h", "3.0 d"]);
  });

  it("keeps user text inert in the terminal: escape sequences and other control characters are replaced", () => {
    expect(printable("Checkout\u001b[2J\u001b]0;pwned\u0007 page\u009b")).toBe(
      "Checkout\ufffd[2J\ufffd]0;pwned\ufffd page\ufffd",
    );
    expect(printable("صفحه قیمت 价格页")).toBe("صفحه قیمت 价格页");
  });
});
