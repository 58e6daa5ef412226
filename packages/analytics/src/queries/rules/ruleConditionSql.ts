import type { RuleMatch } from "@opencjm/core";
import { sqlString } from "../sqlText.js";
import { propertyConditionSql } from "./propertyConditionSql.js";

/** A rule's name pattern as a SQL LIKE pattern (`*` → `%`, `?` → `_`, LIKE's own wildcards escaped). */
function likePattern(pattern: string): string {
  return pattern
    .replace(/[\\%_]/g, "\\$&")
    .replace(/\*/g, "%")
    .replace(/\?/g, "_");
}

/** Whether an event (columns event_name, channel, properties) matches a rule, as a SQL boolean. */
export function ruleConditionSql(rule: RuleMatch): string {
  const names: string[] = [];
  if (rule.eventNames.length) names.push(`event_name IN (${rule.eventNames.map(sqlString).join(", ")})`);
  if (rule.pattern !== undefined) names.push(`event_name LIKE ${sqlString(likePattern(rule.pattern))} ESCAPE '\\'`);
  const parts = [`(${names.length ? names.join(" OR ") : "FALSE"})`];
  if (rule.channel !== undefined) parts.push(`coalesce(channel = ${sqlString(rule.channel)}, FALSE)`);
  for (const c of rule.conditions) parts.push(propertyConditionSql(c));
  return parts.join(" AND ");
}
