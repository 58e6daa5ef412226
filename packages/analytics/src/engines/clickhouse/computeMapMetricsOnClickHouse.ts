import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { MetricsRequestSchema, type MapMetrics } from "@opencjm/core";
import { compileKernelPlan } from "../../metrics/compileKernelPlan.js";
import { compileMapStructure } from "../../metrics/compileMapStructure.js";
import { assembleMapMetrics, type MapMetricsInput } from "../../metrics/computeMapMetrics.js";
import { customerPath } from "../../metrics/customerPath.js";
import type { KernelColumns } from "../../metrics/KernelColumns.js";
import { mergeKernelPartials, toWire, type PartialWire } from "../../metrics/mergeKernelPartials.js";
import { runJourneyKernel } from "../../metrics/runJourneyKernel.js";
import { getSegmentMask } from "../../queries/segment/getSegmentMask.js";
import type { EventDatabase } from "../duckdb/openEventDatabase.js";
import { clickHouseTables } from "./clickhouseTables.js";
import type { ClickHouseEvents } from "./connectClickHouse.js";
import { loadEventDictionary } from "./loadEventDictionary.js";
import { readPublishedBatch } from "./readPublishedBatch.js";
import { readShardColumns } from "./readShardColumns.js";
import { globalQuotePositions } from "./globalQuotePositions.js";
import { NothingPublishedError } from "./NothingPublishedError.js";

/**
 * Writes the customers a segment selects into a temporary table on every shard, for the shard queries' WHERE clause.
 * The segment is judged where the customer attributes live (the workspace's DuckDB customers table, with the same
 * rule SQL as the DuckDB engine); each shard keeps only its own customers when it filters.
 */
async function stageSegment(ch: ClickHouseEvents, name: string, mask: Uint8Array): Promise<void> {
  let text = "";
  for (let c = 0; c < mask.length; c++) if (mask[c] === 1) text += `${c}\n`;
  for (const shard of ch.shards) {
    await shard.command({ query: `CREATE TABLE ${name} (customer UInt32) ENGINE = Memory` });
    await shard.insert({ table: name, values: Readable.from([text], { objectMode: false }), format: "TabSeparated" });
  }
}

/**
 * Computes every metric of a map over the workspace's events in ClickHouse (PRODUCT.md §4.6): one stream per shard,
 * in the journey store's order and with the filters pushed into the shard's query, runs through the same one-pass
 * kernel, and the shards' partials are merged exactly as worker partials are; the answer equals the DuckDB engine's.
 * `db` is the workspace's DuckDB event store, which keeps the customers (for segments) and does the importing.
 */
export async function computeMapMetricsOnClickHouse(
  db: EventDatabase,
  ch: ClickHouseEvents,
  workspaceId: string,
  input: MapMetricsInput,
): Promise<MapMetrics> {
  const { filters, options } = MetricsRequestSchema.parse(input.request ?? {});
  const tables = clickHouseTables(ch, workspaceId);
  const published = await readPublishedBatch(ch, tables);
  if (!published) throw new NothingPublishedError(workspaceId);
  const dictionary = await loadEventDictionary(ch.shards[0]!, tables, published);
  const structure = compileMapStructure(input.map);
  // The segment is filtered on the shards, so the kernel needs no customer mask.
  const { plan, labels } = compileKernelPlan(dictionary.store, structure, input.rules, filters, options, undefined);
  const needProperties = plan.activityOfKey.includes(-2);

  const segmentTable = filters.segment ? `${ch.config.database}.segment_${randomBytes(6).toString("hex")}` : undefined;
  let shardResults: Array<{ columns: KernelColumns; wire: PartialWire }>;
  try {
    if (segmentTable)
      await stageSegment(ch, segmentTable, await getSegmentMask(db, filters.segment!, published.customerCount));
    const channels = filters.channels && new Set(filters.channels);
    const channelKeys =
      channels &&
      dictionary.store.keyChannel.reduce<number[]>((keys, c, k) => {
        if (c >= 0 && channels.has(dictionary.store.channels[c]!)) keys.push(k);
        return keys;
      }, []);
    const query = {
      tables,
      channelKeys,
      batch: published.batch,
      customerCount: published.customerCount,
      filters,
      segmentTable,
      needProperties,
    };
    // Each shard's kernel runs as soon as its stream has ended, while the other shards keep streaming.
    shardResults = await Promise.all(
      ch.shards.map(async (shard) => {
        const columns = await readShardColumns(shard, query, dictionary);
        return { columns, wire: toWire(runJourneyKernel(columns, plan, plan.keyCount, 0, published.customerCount)) };
      }),
    );
  } finally {
    if (segmentTable)
      await Promise.all(
        ch.shards.map((s) => s.command({ query: `DROP TABLE IF EXISTS ${segmentTable}` }).catch(() => undefined)),
      );
  }

  const columns = shardResults.map((r) => r.columns);
  const wires = shardResults.map((r) => r.wire);
  const quoteTimes = globalQuotePositions(wires, columns);
  const merged = mergeKernelPartials(wires);
  const store = { ...dictionary.store, ts: quoteTimes.localise(merged.quotePosition) };
  const shardOf = (c: number) => columns.find((s) => s.offsets[c + 1]! > s.offsets[c]!) ?? columns[0]!;
  return assembleMapMetrics({ input, store, structure, filters, options, plan, labels, merged }, (c) =>
    customerPath(shardOf(c), plan, c),
  );
}
