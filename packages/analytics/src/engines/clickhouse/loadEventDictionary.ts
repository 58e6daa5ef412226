import type { ClickHouseClient } from "@clickhouse/client";
import { analyzeSentiment } from "../../sentiment/analyzeSentiment.js";
import { SENTIMENT_LANGUAGES } from "../../sentiment/detectTextLanguage.js";
import type { JourneyStore } from "../../store/JourneyStore.js";
import type { ClickHouseTables } from "./clickhouseTables.js";
import type { PublishedBatch } from "./readPublishedBatch.js";
import { readTsvField } from "./tsvText.js";

/**
 * The dictionaries of a published batch, numbered exactly as the journey store numbers them (distinct (event name,
 * channel) pairs, texts and properties, each in byte order, NULL channel first), so that every shard's kernel partial
 * counts into the same cells and the partials add up like worker partials.
 */
export interface EventDictionary {
  /** A journey store without events: dictionaries, text facts and the batch's totals. */
  store: JourneyStore;
  /** Key of an (event name, channel) pair: by name, then by channel ("" standing for no channel is kept apart). */
  keyOf: Map<string, Map<string | null, number>>;
  textOf: Map<string, number>;
  propertiesOf: Map<string, number>;
}

async function readColumnRows(client: ClickHouseClient, query: string): Promise<Array<Array<string | null>>> {
  const result = await client.query({ query, format: "TabSeparated" });
  const text = await result.text();
  if (text.length === 0) return [];
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => line.split("\t").map(readTsvField));
}

const cache = new Map<string, EventDictionary>();

/** Reads (once per published batch) the batch's dictionaries over the Distributed table. */
export async function loadEventDictionary(
  client: ClickHouseClient,
  tables: ClickHouseTables,
  published: PublishedBatch,
): Promise<EventDictionary> {
  const cacheKey = `${tables.distributed}#${published.batch}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const where = `FROM ${tables.distributed} WHERE batch = ${published.batch}`;
  const [keyRows, textRows, propertyRows] = await Promise.all([
    readColumnRows(
      client,
      `SELECT event_name, channel ${where} GROUP BY event_name, channel ORDER BY event_name, channel NULLS FIRST`,
    ),
    readColumnRows(client, `SELECT DISTINCT text ${where} AND text IS NOT NULL ORDER BY text`),
    readColumnRows(client, `SELECT DISTINCT properties ${where} AND properties IS NOT NULL ORDER BY properties`),
  ]);

  const eventNames: string[] = [];
  const channels: string[] = [];
  const nameIndex = new Map<string, number>();
  const channelIndex = new Map<string, number>();
  const keyName = new Int32Array(keyRows.length);
  const keyChannel = new Int32Array(keyRows.length);
  const keyOf = new Map<string, Map<string | null, number>>();
  keyRows.forEach(([name, channel], k) => {
    let n = nameIndex.get(name!);
    if (n === undefined) nameIndex.set(name!, (n = eventNames.push(name!) - 1));
    keyName[k] = n;
    if (channel === null) keyChannel[k] = -1;
    else {
      let c = channelIndex.get(channel!);
      if (c === undefined) channelIndex.set(channel!, (c = channels.push(channel!) - 1));
      keyChannel[k] = c;
    }
    let byChannel = keyOf.get(name!);
    if (!byChannel) keyOf.set(name!, (byChannel = new Map()));
    byChannel.set(channel ?? null, k);
  });
  const texts = textRows.map((r) => r[0]!);
  const properties = propertyRows.map((r) => r[0]!);
  const textSentiment = new Float32Array(texts.length);
  const textLanguage = new Uint8Array(texts.length);
  texts.forEach((text, i) => {
    const s = analyzeSentiment(text);
    textSentiment[i] = s.score;
    textLanguage[i] = SENTIMENT_LANGUAGES.indexOf(s.language);
  });

  const none = new Int32Array(0);
  const store: JourneyStore = {
    generation: `clickhouse-${published.batch}`,
    builtAt: new Date(published.batch * 1000).toISOString(),
    customerCount: published.customerCount,
    eventCount: published.eventCount,
    minTs: published.minTs,
    maxTs: published.maxTs,
    offsets: none,
    ts: new Float64Array(0),
    key: none,
    keyName,
    keyChannel,
    eventNames,
    channels,
    scorePos: none,
    scoreValue: new Float64Array(0),
    scoreKind: new Uint8Array(0),
    textPos: none,
    textId: none,
    textSentiment,
    textLanguage,
    hasProperties: properties.length > 0,
    texts: () => texts,
    propertiesId: () => none,
    properties: () => properties,
  };
  const dictionary: EventDictionary = {
    store,
    keyOf,
    textOf: new Map(texts.map((t, i) => [t, i])),
    propertiesOf: new Map(properties.map((p, i) => [p, i])),
  };
  // One batch per workspace is current; older entries are of superseded batches.
  for (const k of cache.keys()) if (k.startsWith(`${tables.distributed}#`)) cache.delete(k);
  cache.set(cacheKey, dictionary);
  return dictionary;
}
