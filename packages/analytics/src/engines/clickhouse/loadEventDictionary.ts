import type { ClickHouseClient } from "@clickhouse/client";
import { analyzeSentiment } from "../../sentiment/analyzeSentiment.js";
import { SENTIMENT_LANGUAGES } from "../../sentiment/detectTextLanguage.js";
import type { JourneyStore } from "../../store/JourneyStore.js";
import { DICTIONARY_KIND, type ClickHouseTables } from "./clickhouseTables.js";
import type { PublishedBatch } from "./readPublishedBatch.js";
import { readTsvField } from "./tsvText.js";

/**
 * The dictionaries of a published batch, numbered exactly as the journey store numbers them (distinct (event name,
 * channel) pairs, texts and properties, each in byte order, NULL channel first): the shards' events carry these
 * numbers, so every shard's kernel partial counts into the same cells and the partials add up like worker partials.
 */
export interface EventDictionary {
  /** A journey store without events: dictionaries, text facts and the batch's totals. */
  store: JourneyStore;
}

const cache = new Map<string, EventDictionary>();

/** Reads (once per published batch) the batch's dictionaries from the dictionary table on shard 0. */
export async function loadEventDictionary(
  client: ClickHouseClient,
  tables: ClickHouseTables,
  published: PublishedBatch,
): Promise<EventDictionary> {
  const cacheKey = `${tables.dictionary}#${published.batch}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const result = await client.query({
    query: `SELECT kind, value, channel FROM ${tables.dictionary} WHERE batch = ${published.batch} ORDER BY kind, id`,
    format: "TabSeparated",
  });
  const tsv = await result.text();
  const keyRows: Array<[string, string | null]> = [];
  const texts: string[] = [];
  const properties: string[] = [];
  for (const line of tsv.length > 0 ? tsv.slice(0, -1).split("\n") : []) {
    const [kind, value, channel] = line.split("\t").map(readTsvField) as [string, string, string | null];
    if (Number(kind) === DICTIONARY_KIND.key) keyRows.push([value, channel]);
    else if (Number(kind) === DICTIONARY_KIND.text) texts.push(value);
    else properties.push(value);
  }

  const eventNames: string[] = [];
  const channels: string[] = [];
  const nameIndex = new Map<string, number>();
  const channelIndex = new Map<string, number>();
  const keyName = new Int32Array(keyRows.length);
  const keyChannel = new Int32Array(keyRows.length);
  keyRows.forEach(([name, channel], k) => {
    let n = nameIndex.get(name);
    if (n === undefined) nameIndex.set(name, (n = eventNames.push(name) - 1));
    keyName[k] = n;
    if (channel === null) keyChannel[k] = -1;
    else {
      let c = channelIndex.get(channel);
      if (c === undefined) channelIndex.set(channel, (c = channels.push(channel) - 1));
      keyChannel[k] = c;
    }
  });
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
  const dictionary: EventDictionary = { store };
  // One batch per workspace is current; older entries are of superseded batches.
  for (const k of cache.keys()) if (k.startsWith(`${tables.dictionary}#`)) cache.delete(k);
  cache.set(cacheKey, dictionary);
  return dictionary;
}
