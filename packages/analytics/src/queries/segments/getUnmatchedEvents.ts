import type { DuckDBConnection } from "@duckdb/node-api";
import type { RuleMatch } from "@opencjm/core";
import { readRows } from "../readRows.js";
import { ruleConditionSql } from "../rules/ruleConditionSql.js";

/** Events no touchpoint rule takes, by name and channel, with how many there are in all. */
export interface UnmatchedEvents {
  events: number;
  customers: number;
  distinct: number;
  items: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
}

/**
 * The events of a workspace that none of its touchpoint rules match (what the rules leave unmapped), the most
 * frequent first: the list a user turns into touchpoints one click at a time.
 */
export async function getUnmatchedEvents(
  connection: DuckDBConnection,
  rules: readonly RuleMatch[],
  limit = 200,
): Promise<UnmatchedEvents> {
  const unmatched = rules.length
    ? `NOT coalesce(${rules.map((r) => `(${ruleConditionSql(r)})`).join(" OR ")}, FALSE)`
    : "TRUE";
  const rows = await readRows<{
    total: boolean;
    eventName: string | null;
    channel: string | null;
    events: number;
    customers: number;
    distinct: number;
  }>(
    connection,
    `WITH u AS (SELECT event_name, channel, customer_id FROM events WHERE ${unmatched})
     SELECT TRUE AS total, NULL AS "eventName", NULL AS channel, count(*) AS events, count(DISTINCT customer_id) AS customers,
            (SELECT count(*) FROM (SELECT DISTINCT event_name, channel FROM u)) AS "distinct" FROM u
     UNION ALL
     SELECT * FROM (SELECT FALSE, event_name, channel, count(*) AS events, count(DISTINCT customer_id), 0 FROM u GROUP BY event_name, channel ORDER BY events DESC, event_name, channel LIMIT ${Math.max(1, Math.floor(limit))})`,
  );
  const total = rows.find((r) => r.total);
  return {
    events: total?.events ?? 0,
    customers: total?.customers ?? 0,
    distinct: total?.distinct ?? 0,
    items: rows
      .filter((r) => !r.total)
      .map((r) => ({ eventName: r.eventName ?? "", channel: r.channel, events: r.events, customers: r.customers })),
  };
}
