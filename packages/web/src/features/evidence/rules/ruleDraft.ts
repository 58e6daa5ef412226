import type { PropertyCondition, RuleMatch } from "@opencjm/core";

/** Operators of a property condition, in the order a picker offers them. */
export const CONDITION_OPERATORS = ["eq", "neq", "contains", "in", "gt", "gte", "lt", "lte", "exists"] as const;
/** An operator of a property condition. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A rule as the form edits it: names as a list, everything else as typed text. */
export interface RuleDraft {
  eventNames: string[];
  pattern: string;
  channel: string;
  conditions: Array<{ property: string; operator: ConditionOperator; value: string }>;
}

/** The draft of a stored rule (or of a new one). */
export function draftOfRule(rule?: RuleMatch): RuleDraft {
  return {
    eventNames: rule?.eventNames ?? [],
    pattern: rule?.pattern ?? "",
    channel: rule?.channel ?? "",
    conditions: (rule?.conditions ?? []).map((c) => ({
      property: c.property,
      operator: c.operator,
      value: c.operator === "exists" ? "" : Array.isArray(c.value) ? c.value.join(", ") : String(c.value),
    })),
  };
}

/**
 * The rule a draft stands for, or null while it cannot be sent: it needs event names or a pattern, and every
 * condition needs a property and (but for `exists`) a value, numeric for the comparisons.
 */
export function ruleOfDraft(draft: RuleDraft): RuleMatch | null {
  const eventNames = [...new Set(draft.eventNames.map((n) => n.trim()).filter(Boolean))];
  const pattern = draft.pattern.trim();
  if (eventNames.length === 0 && !pattern) return null;
  const conditions: PropertyCondition[] = [];
  for (const c of draft.conditions) {
    const property = c.property.trim();
    if (!property) return null;
    if (c.operator === "exists") conditions.push({ property, operator: "exists" });
    else if (c.operator === "in") {
      const values = c.value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      if (values.length === 0) return null;
      conditions.push({ property, operator: "in", value: values });
    } else if (c.operator === "gt" || c.operator === "gte" || c.operator === "lt" || c.operator === "lte") {
      const n = Number(c.value.trim().replace(",", "."));
      if (c.value.trim() === "" || !Number.isFinite(n)) return null;
      conditions.push({ property, operator: c.operator, value: n });
    } else conditions.push({ property, operator: c.operator, value: c.value });
  }
  return {
    eventNames,
    ...(pattern ? { pattern } : {}),
    ...(draft.channel.trim() ? { channel: draft.channel.trim() } : {}),
    conditions,
  };
}
