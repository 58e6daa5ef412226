import type { DuckDBConnection } from "@duckdb/node-api";
import type { RuleMatch, RuleMatches } from "@opencjm/core";
import { readRows } from "../readRows.js";
import { ruleConditionSql } from "./ruleConditionSql.js";

/** Live preview of a touchpoint rule: what it matches in the workspace's events on its own (earlier rules aside). */
export async function getRuleMatches(connection: DuckDBConnection, rule: RuleMatch): Promise<RuleMatches> {
  const condition = ruleConditionSql(rule);
  const [counts] = await readRows<Omit<RuleMatches, "examples">>(
    connection,
    `SELECT count(*) FILTER (WHERE ${condition}) AS events, count(DISTINCT customer_id) FILTER (WHERE ${condition}) AS customers,
            count(*) AS "totalEvents", count(DISTINCT customer_id) AS "totalCustomers" FROM events`,
  );
  const examples = await readRows<RuleMatches["examples"][number]>(
    connection,
    `SELECT event_name AS "eventName", channel, count(*) AS events FROM events WHERE ${condition} GROUP BY event_name, channel ORDER BY events DESC, event_name, channel LIMIT 20`,
  );
  return { ...counts!, examples };
}
