import type { PropertyCondition } from "@opencjm/core";

/** Plain decimal numbers only ("12", "-3.5", "1e3"), so the SQL oracle reads exactly the same values as numbers. */
export const NUMBER_PATTERN = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";
const numberRe = new RegExp(NUMBER_PATTERN);

/** A property's value as text, the way the event tables keep properties; undefined when absent or null. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Whether an event's properties (parsed JSON object) satisfy every condition: `eq` and `contains` need the property,
 * `neq` holds when it is absent or different, numeric comparisons need a value that reads as a number.
 */
export function propertiesMatch(
  properties: Record<string, unknown> | undefined,
  conditions: readonly PropertyCondition[],
): boolean {
  for (const c of conditions) {
    const value = textOf(properties?.[c.property]);
    switch (c.operator) {
      case "eq":
        if (value !== c.value) return false;
        break;
      case "neq":
        if (value === c.value) return false;
        break;
      case "contains":
        if (value === undefined || !value.includes(c.value)) return false;
        break;
      case "in":
        if (value === undefined || !c.value.includes(value)) return false;
        break;
      case "exists":
        if (value === undefined) return false;
        break;
      default: {
        const trimmed = value?.trim();
        const n = trimmed !== undefined && numberRe.test(trimmed) ? Number(trimmed) : NaN;
        if (Number.isNaN(n)) return false;
        if (
          c.operator === "gt"
            ? !(n > c.value)
            : c.operator === "gte"
              ? !(n >= c.value)
              : c.operator === "lt"
                ? !(n < c.value)
                : !(n <= c.value)
        )
          return false;
      }
    }
  }
  return true;
}
