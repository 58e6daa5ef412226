import type { DuckDBConnection } from "@duckdb/node-api";
import type { MapStructure } from "../../metrics/compileMapStructure.js";
import type { MetricsFilters, MetricsOptions, TouchpointRule } from "@opencjm/core";
import { sortRules } from "../../rules/compileTouchpointRules.js";
import { STORE_ORDER_SQL } from "../../store/rebuildJourneyStore.js";
import { segmentConditionSql } from "../../queries/segment/segmentConditionSql.js";
import { sqlString } from "../../queries/sqlText.js";
import { ruleConditionSql } from "../../queries/rules/ruleConditionSql.js";

/** Parameters of the SQL oracle: the same inputs the engine gets. */
export interface OracleInput {
  structure: MapStructure;
  rules: readonly TouchpointRule[];
  filters: MetricsFilters;
  options: MetricsOptions;
}

const ms = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * Creates the oracle's working table `name`: the events left after the filters, each with its store position, its
 * order within the customer's journey (`seq`), its touchpoint by the first matching rule, its step, level and stage on
 * the map, its path node and its activity. Every oracle query reads this table.
 */
export async function createMappedEvents(
  connection: DuckDBConnection,
  name: string,
  input: OracleInput,
): Promise<void> {
  const { structure, rules, filters, options } = input;
  const where: string[] = [];
  if (filters.from) where.push(`t >= ${ms(filters.from)}`);
  if (filters.to) where.push(`t < ${ms(filters.to)}`);
  if (filters.channels) where.push(`channel IN (${filters.channels.map(sqlString).join(", ")})`);
  if (filters.segment) {
    const condition = segmentConditionSql(filters.segment);
    const [[empty]] = (
      await connection.runAndReadAll(`SELECT ${segmentConditionSql(filters.segment, "'{}'::JSON")}`)
    ).getRows() as [[boolean]];
    where.push(
      `(customer_id IN (SELECT customer_id FROM customers WHERE ${condition})${empty ? " OR customer_id NOT IN (SELECT customer_id FROM customers)" : ""})`,
    );
  }
  const ordered = sortRules(rules);
  const touchpoint = ordered.length
    ? `CASE ${ordered.map((r) => `WHEN ${ruleConditionSql(r)} THEN ${sqlString(r.touchpointId)}`).join(" ")} END`
    : "NULL::VARCHAR";
  const placed = [...structure.stepOfTouchpoint].map(([tp, s]) => {
    const step = structure.steps[s]!;
    return `(${sqlString(tp)}, ${s}, ${step.level}, ${step.stage}, ${sqlString(step.id)})`;
  });
  const steps = placed.length
    ? `(VALUES ${placed.join(", ")})`
    : "(SELECT NULL::VARCHAR, NULL::INTEGER, NULL::INTEGER, NULL::INTEGER, NULL::VARCHAR WHERE FALSE)";
  const offMapNode = options.includeOffMap
    ? "CASE WHEN m.touchpoint IS NOT NULL THEN 'tp:' || m.touchpoint ELSE 'event:' || m.event_name END"
    : "NULL";
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${name} AS
    WITH ordered AS (
      SELECT *, epoch_ms(ts)::DOUBLE AS t, row_number() OVER (ORDER BY ${STORE_ORDER_SQL}) - 1 AS pos FROM events
    ), kept AS (
      SELECT * FROM ordered ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ), mapped AS (
      SELECT customer_id, pos, t, event_name, channel, score, lower(trim(score_kind)) AS kind, text, ${touchpoint} AS touchpoint FROM kept
    )
    SELECT m.customer_id, m.pos, row_number() OVER (PARTITION BY m.customer_id ORDER BY m.pos) AS seq, m.t, m.event_name, m.channel,
           m.score, m.kind, m.text, m.touchpoint, s.step, s.level, s.stage,
           coalesce(s.step_id, ${offMapNode}) AS node,
           CASE WHEN m.touchpoint IS NOT NULL THEN 'tp:' || m.touchpoint ELSE 'event:' || m.event_name END AS activity
    FROM mapped m LEFT JOIN ${steps} AS s(touchpoint, step, level, stage, step_id) ON s.touchpoint = m.touchpoint`);
}
