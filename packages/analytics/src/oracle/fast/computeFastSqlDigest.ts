import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../../queries/readRows.js";
import { getActivities } from "../activities/getActivities.js";
import { assembleOracleDigest } from "../assembleOracleDigest.js";
import type { OracleInput } from "../mapped/createMappedEvents.js";
import type { MetricsDigest } from "../MetricsDigest.js";
import { getDirectlyFollows } from "../paths/getDirectlyFollows.js";
import { getPathNodes } from "../paths/getPathNodes.js";
import { getConversion } from "../steps/getConversion.js";
import { getFunnel } from "../steps/getFunnel.js";
import { getQuotes } from "../steps/getQuotes.js";
import { getReach } from "../steps/getReach.js";
import { getScores } from "../steps/getScores.js";
import { getSentiment } from "../steps/getSentiment.js";
import { getUnmappedEvents } from "../unmapped/getUnmappedEvents.js";
import { createFastMappedEvents } from "./createFastMappedEvents.js";
import { getFastConformance } from "./getFastConformance.js";
import { getFastPaths } from "./getFastPaths.js";
import { getGapTotals } from "./getGapTotals.js";

/**
 * The fair SQL baseline of the benchmark: the same numbers as the oracle (computeOracleDigest) written as the best
 * DuckDB SQL we know — rules once per event type and one sort for the working table, one window pass for time spent
 * and sessions, one collapsed-step table for conformance and deviations, one collapsed-path table for variants and
 * Sankey, and only the `topPaths` variants returned. Queries that were already direct are shared with the oracle.
 * Its answers equal the oracle's (fast/computeFastSqlDigest.integration.test.ts).
 */
export async function computeFastSqlDigest(
  connection: DuckDBConnection,
  input: OracleInput,
  sentiments?: string,
): Promise<MetricsDigest> {
  const table = "fast_sql_events";
  await createFastMappedEvents(connection, table, input);
  const { structure, options } = input;
  const windowMs = options.conversionWindowHours * 3_600_000;
  const strict = options.order === "strict";

  const [totals] = await readRows<{ customers: number; events: number }>(
    connection,
    `SELECT count(DISTINCT customer_id) AS customers, count(*) AS events FROM ${table}`,
  );
  const reach = await getReach(connection, table);
  const stepConversion = await getConversion(connection, table, { by: "step", windowMs, strict });
  const stageConversion = await getConversion(connection, table, { by: "stage", windowMs, strict });
  const funnelSteps = await getFunnel(connection, table, { by: "step", windowMs, strict });
  const funnelStages = await getFunnel(connection, table, { by: "stage", windowMs, strict });
  const { time, sessions } = await getGapTotals(connection, table, { gapMs: options.sessionGapMinutes * 60_000 });
  const scores = await getScores(connection, table);
  const sentiment = sentiments ? await getSentiment(connection, table, sentiments) : [];
  const quotes = sentiments ? await getQuotes(connection, table, sentiments) : [];
  const nodes = await getPathNodes(connection, table);
  const edges = await getDirectlyFollows(connection, table);
  const paths = await getFastPaths(connection, table, { depth: options.sankeyDepth, top: options.topPaths });
  const { summary, deviations } = await getFastConformance(
    connection,
    table,
    structure.steps.map((s) => s.level),
  );
  const unmapped = await getUnmappedEvents(connection, table);
  const activities = await getActivities(connection, table);
  await connection.run(`DROP TABLE IF EXISTS ${table}`);

  return assembleOracleDigest(input, {
    totals: totals!,
    reach,
    stepConversion,
    stageConversion,
    funnelSteps,
    funnelStages,
    time,
    sessions,
    scores,
    sentiment,
    quotes,
    nodes,
    edges,
    variants: paths.variants.listed,
    variantCount: paths.variants.distinct,
    variantOthers: paths.variants.othersCustomers,
    sankey: paths.sankey,
    conformance: summary,
    deviations,
    unmapped,
    activities,
  });
}
