import { describe, expect, it } from "vitest";
import { draftOfRule, ruleOfDraft } from "./ruleDraft.js";

describe("touchpoint rule draft", () => {
  it("round-trips a rule with every kind of condition", () => {
    const rule = {
      eventNames: ["checkout"],
      pattern: "pay_*",
      channel: "web",
      conditions: [
        { property: "plan", operator: "in" as const, value: ["pro", "team"] },
        { property: "amount", operator: "gte" as const, value: 10.5 },
        { property: "coupon", operator: "exists" as const },
      ],
    };
    expect(ruleOfDraft(draftOfRule(rule))).toEqual(rule);
  });

  it("is not sendable without names or pattern, or with an unfinished condition", () => {
    expect(ruleOfDraft(draftOfRule())).toBeNull();
    const draft = draftOfRule({ eventNames: [" page_view ", "page_view", ""], conditions: [] });
    expect(ruleOfDraft(draft)).toEqual({ eventNames: ["page_view"], conditions: [] });
    expect(ruleOfDraft({ ...draft, conditions: [{ property: "amount", operator: "gt", value: "lots" }] })).toBeNull();
    expect(ruleOfDraft({ ...draft, conditions: [{ property: "", operator: "eq", value: "x" }] })).toBeNull();
    expect(
      ruleOfDraft({ ...draft, conditions: [{ property: "amount", operator: "gt", value: "12,5" }] })?.conditions,
    ).toEqual([{ property: "amount", operator: "gt", value: 12.5 }]);
  });
});
