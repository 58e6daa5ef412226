import type { DuckDBConnection } from "@duckdb/node-api";
import { sortRules } from "../../rules/compileTouchpointRules.js";
import { STORE_ORDER_SQL } from "../../store/rebuildJourneyStore.js";
import { segmentConditionSql } from "../../queries/segment/segmentConditionSql.js";
import { sqlString } from "../../queries/sqlText.js";
import { ruleConditionSql } from "../../queries/rules/ruleConditionSql.js";
import type { OracleInput } from "../mapped/createMappedEvents.js";

const ms = (d: string) => Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d);

/**
 * The fast SQL baseline's working table `name`, with the same columns as the oracle's (createMappedEvents) but built
 * the way a careful SQL author would: rules are evaluated once per distinct event type (name, channel, and properties
 * only when a rule looks at them) in a small table joined to the events, and the events are sorted once — the store
 * position of the kept events is their order within each customer too (`seq` = `pos`).
 */
export async function createFastMappedEvents(
  connection: DuckDBConnection,
  name: string,
  input: OracleInput,
): Promise<void> {
  const { structure, rules, filters, options } = input;
  const where: string[] = [];
  if (filters.from) where.push(`ts >= epoch_ms(${ms(filters.from)})`);
  if (filters.to) where.push(`ts < epoch_ms(${ms(filters.to)})`);
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
  const byProperties = ordered.some((r) => r.conditions.length > 0);
  const typeColumns = byProperties ? ["event_name", "channel", "properties"] : ["event_name", "channel"];
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
    ? "CASE WHEN ty.touchpoint IS NOT NULL THEN 'tp:' || ty.touchpoint ELSE 'event:' || ty.event_name END"
    : "NULL";
  const filtered = `SELECT * FROM events ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  // One row per event type with everything the rules and the map say about it.
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${name}_types AS
    WITH d AS (SELECT DISTINCT ${typeColumns.join(", ")} FROM (${filtered})),
    ty AS (SELECT *, ${touchpoint} AS touchpoint FROM d)
    SELECT ty.*, s.step, s.level, s.stage, coalesce(s.step_id, ${offMapNode}) AS node,
           CASE WHEN ty.touchpoint IS NOT NULL THEN 'tp:' || ty.touchpoint ELSE 'event:' || ty.event_name END AS activity
    FROM ty LEFT JOIN ${steps} AS s(touchpoint, step, level, stage, step_id) ON s.touchpoint = ty.touchpoint`);
  const join = typeColumns.map((c) => `ty.${c} IS NOT DISTINCT FROM e.${c}`).join(" AND ");
  await connection.run(`
    CREATE OR REPLACE TEMP TABLE ${name} AS
    WITH kept AS (SELECT *, row_number() OVER (ORDER BY ${STORE_ORDER_SQL}) - 1 AS pos FROM (${filtered}))
    SELECT e.customer_id, e.pos, e.pos AS seq, epoch_ms(e.ts)::DOUBLE AS t, e.event_name, e.channel, e.score,
           lower(trim(e.score_kind)) AS kind, e.text, ty.touchpoint, ty.step, ty.level, ty.stage, ty.node, ty.activity
    FROM kept e JOIN ${name}_types ty ON ${join}`);
  await connection.run(`DROP TABLE ${name}_types`);
}
