import type { PropertyCondition } from "@opencjm/core";
import { jsonTextSql, numberSql, sqlString } from "../sqlText.js";

const NUMERIC = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/** A rule's property condition over the events' `properties` JSON as a SQL boolean (never NULL), written apart from the engine's matcher. */
export function propertyConditionSql(c: PropertyCondition, column = "properties"): string {
  const v = jsonTextSql(column, c.property);
  switch (c.operator) {
    case "eq":
      return `coalesce(${v} = ${sqlString(c.value)}, FALSE)`;
    case "neq":
      return `(${v} IS DISTINCT FROM ${sqlString(c.value)})`;
    case "contains":
      return `coalesce(contains(${v}, ${sqlString(c.value)}), FALSE)`;
    case "in":
      return `coalesce(${v} IN (${c.value.map(sqlString).join(", ")}), FALSE)`;
    case "exists":
      return `(${v} IS NOT NULL)`;
    default:
      return `coalesce(${numberSql(v)} ${NUMERIC[c.operator]} ${c.value}, FALSE)`;
  }
}
