import type { SegmentRule } from "@opencjm/core";
import { jsonTextSql, numberSql, sqlString } from "../sqlText.js";

type Condition = SegmentRule["conditions"][number];

const NUMERIC = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * One segment condition over the `attributes` JSON of the customers table, as a SQL boolean (never NULL). Text
 * values compare as text, numbers as numbers (an attribute that is not a number never matches a number); `in` takes a
 * list, `neq` holds when the attribute is absent or different, `exists` when it is present.
 */
function conditionSql(c: Condition, column: string): string {
  const v = jsonTextSql(column, c.attribute);
  const n = numberSql(v);
  const value = c.value;
  const list = (values: string[]) => (values.length ? `${v} IN (${values.map(sqlString).join(", ")})` : "FALSE");
  switch (c.operator) {
    case "exists":
      return `(${v} IS NOT NULL)`;
    case "eq":
      return `coalesce(${Array.isArray(value) ? list(value) : typeof value === "number" ? `${n} = ${value}` : `${v} = ${sqlString(value ?? "")}`}, FALSE)`;
    case "neq":
      return Array.isArray(value)
        ? `NOT coalesce(${list(value)}, FALSE)`
        : typeof value === "number"
          ? `(${n} IS DISTINCT FROM ${value})`
          : `(${v} IS DISTINCT FROM ${sqlString(value ?? "")})`;
    case "in":
      return `coalesce(${list(Array.isArray(value) ? value : value === undefined ? [] : [String(value)])}, FALSE)`;
    case "contains":
      return `coalesce(contains(${v}, ${sqlString(String(value ?? ""))}), FALSE)`;
    default: {
      const op = NUMERIC[c.operator];
      if (typeof value === "number") return `coalesce(${n} ${op} ${value}, FALSE)`;
      // Text bounds compare as text, so ISO dates ("2024-05-01") work as bounds.
      return `coalesce(${v} ${op} ${sqlString(Array.isArray(value) ? (value[0] ?? "") : (value ?? ""))}, FALSE)`;
    }
  }
}

/** A segment rule as a SQL boolean over a customers' `attributes` column: all conditions, or any; no conditions selects everyone. */
export function segmentConditionSql(rule: SegmentRule, column = "attributes"): string {
  if (rule.conditions.length === 0) return "TRUE";
  return `(${rule.conditions.map((c) => conditionSql(c, column)).join(rule.match === "all" ? " AND " : " OR ")})`;
}
