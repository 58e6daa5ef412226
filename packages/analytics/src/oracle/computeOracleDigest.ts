import type { DuckDBConnection } from "@duckdb/node-api";
import { getActivities } from "./activities/getActivities.js";
import { getConformanceSummary } from "./conformance/getConformanceSummary.js";
import { getDeviations } from "./conformance/getDeviations.js";
import { createMappedEvents, type OracleInput } from "./mapped/createMappedEvents.js";
import type { MetricsDigest } from "./MetricsDigest.js";
import { assembleOracleDigest } from "./assembleOracleDigest.js";
import { getDirectlyFollows } from "./paths/getDirectlyFollows.js";
import { getPathNodes } from "./paths/getPathNodes.js";
import { getSankey } from "./paths/getSankey.js";
import { getVariants } from "./paths/getVariants.js";
import { readRows } from "../queries/readRows.js";
import { getConversion } from "./steps/getConversion.js";
import { getFunnel } from "./steps/getFunnel.js";
import { getQuotes } from "./steps/getQuotes.js";
import { getReach } from "./steps/getReach.js";
import { getScores } from "./steps/getScores.js";
import { getSentiment } from "./steps/getSentiment.js";
import { getSessions } from "./steps/getSessions.js";
import { getTimeSpent } from "./steps/getTimeSpent.js";
import { getUnmappedEvents } from "./unmapped/getUnmappedEvents.js";

/**
 * The SQL oracle: computes, with one hand-written DuckDB query per metric over the event tables, the same numbers the
 * one-pass engine computes, as a MetricsDigest. `sentiments` names a table (text, sentiment, language) of each distinct
 * text's score; without it, sentiment and quotes are left empty.
 */
export async function computeOracleDigest(
  connection: DuckDBConnection,
  input: OracleInput,
  sentiments?: string,
): Promise<MetricsDigest> {
  const table = "oracle_events";
  await createMappedEvents(connection, table, input);
  const { structure, options } = input;
  const windowMs = options.conversionWindowHours * 3_600_000;
  const gapMs = options.sessionGapMinutes * 60_000;
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
  const time = await getTimeSpent(connection, table, { gapMs });
  const sessions = await getSessions(connection, table, { gapMs });
  const scores = await getScores(connection, table);
  const sentiment = sentiments ? await getSentiment(connection, table, sentiments) : [];
  const quotes = sentiments ? await getQuotes(connection, table, sentiments) : [];
  const nodes = await getPathNodes(connection, table);
  const edges = await getDirectlyFollows(connection, table);
  const variants = await getVariants(connection, table);
  const sankey = await getSankey(connection, table, { depth: options.sankeyDepth });
  const conformance = await getConformanceSummary(connection, table);
  const deviations = await getDeviations(
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
    variants,
    variantCount: variants.length,
    variantOthers: 0,
    sankey,
    conformance,
    deviations,
    unmapped,
    activities,
  });
}
