import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { analyzeSentiment } from "../sentiment/analyzeSentiment.js";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import { SCORE_KINDS, type JourneyStore } from "./JourneyStore.js";
import { sharedArray, writeJourneyStoreFile } from "./journeyStoreFile.js";
import { rememberJourneyStore } from "./journeyStoreCache.js";

/** File name of the store inside the workspace's analytics folder. */
export const JOURNEY_STORE_FILE = "journey-store.bin";

async function rows(connection: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
}

/** The position order of the store, also used by every SQL oracle query so both see events in the same order. */
export const STORE_ORDER_SQL = "customer_id, ts, import_id, row_number";

/**
 * Rebuilds the sorted columnar journey store from the `events` table: dictionary-encodes (event name, channel) pairs,
 * texts and properties, sorts by customer and time in DuckDB, copies the columns into typed arrays, scores every
 * distinct text's sentiment, then writes the store file atomically into `db.dir` (kept in memory for ':memory:'). The
 * import pipeline calls it after each successful import; metrics load the result.
 */
export async function rebuildJourneyStore(db: EventDatabase): Promise<JourneyStore> {
  const connection = await db.instance.connect();
  const tag = randomBytes(4).toString("hex");
  try {
    const [[count, minTs, maxTs, maxEventCustomer]] = (await rows(
      connection,
      "SELECT count(*)::BIGINT, epoch_ms(min(ts))::DOUBLE, epoch_ms(max(ts))::DOUBLE, max(customer_id) FROM events",
    )) as [[bigint, number | null, number | null, number | null]];
    const [[maxCustomer]] = (await rows(connection, "SELECT max(customer_id) FROM customers")) as [[number | null]];
    const eventCount = Number(count);
    const customerCount = Math.max(maxEventCustomer ?? -1, maxCustomer ?? -1) + 1;

    await connection.run(
      `CREATE TEMP TABLE keys_${tag} AS SELECT event_name, channel, (row_number() OVER (ORDER BY event_name, channel NULLS FIRST) - 1)::INTEGER AS key FROM (SELECT DISTINCT event_name, channel FROM events)`,
    );
    await connection.run(
      `CREATE TEMP TABLE texts_${tag} AS SELECT text, (row_number() OVER (ORDER BY text) - 1)::INTEGER AS text_id FROM (SELECT DISTINCT text FROM events WHERE text IS NOT NULL)`,
    );
    await connection.run(
      `CREATE TEMP TABLE props_${tag} AS SELECT properties, (row_number() OVER (ORDER BY properties) - 1)::INTEGER AS props_id FROM (SELECT DISTINCT properties::VARCHAR AS properties FROM events WHERE properties IS NOT NULL)`,
    );

    const keyRows = (await rows(connection, `SELECT event_name, channel FROM keys_${tag} ORDER BY key`)) as Array<
      [string, string | null]
    >;
    const eventNames: string[] = [];
    const channels: string[] = [];
    const nameIndex = new Map<string, number>();
    const channelIndex = new Map<string, number>();
    const keyName = sharedArray("i32", keyRows.length);
    const keyChannel = sharedArray("i32", keyRows.length);
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
    const texts = ((await rows(connection, `SELECT text FROM texts_${tag} ORDER BY text_id`)) as Array<[string]>).map(
      (r) => r[0],
    );
    const properties = (
      (await rows(connection, `SELECT properties FROM props_${tag} ORDER BY props_id`)) as Array<[string]>
    ).map((r) => r[0]);
    const hasProperties = properties.length > 0;

    const textSentiment = sharedArray("f32", texts.length);
    const textLanguage = sharedArray("u8", texts.length);
    texts.forEach((text, i) => {
      const s = analyzeSentiment(text);
      textSentiment[i] = s.score;
      textLanguage[i] = SENTIMENT_LANGUAGES.indexOf(s.language);
    });

    const offsets = sharedArray("i32", customerCount + 1);
    const ts = sharedArray("f64", eventCount);
    const key = sharedArray("i32", eventCount);
    const propertiesId = hasProperties ? sharedArray("i32", eventCount) : new Int32Array(0);
    const scorePos: number[] = [];
    const scoreValue: number[] = [];
    const scoreKind: number[] = [];
    const textPos: number[] = [];
    const textIds: number[] = [];
    const kindCase = SCORE_KINDS.map((k, i) => `WHEN '${k}' THEN ${i}`).join(" ");
    // Column 3 flags the rare rows with a score (1), a text (2) or properties (4), so only those read the rest.
    const result = await connection.stream(`
      SELECT e.customer_id, epoch_ms(e.ts)::DOUBLE, k.key, (CASE WHEN kind >= 0 THEN 1 ELSE 0 END + CASE WHEN t.text_id IS NOT NULL THEN 2 ELSE 0 END ${hasProperties ? "+ CASE WHEN p.props_id IS NOT NULL THEN 4 ELSE 0 END" : ""})::INTEGER,
             kind, e.score, t.text_id, ${hasProperties ? "p.props_id" : "NULL::INTEGER"}
      FROM (SELECT *, CASE WHEN score IS NOT NULL AND isfinite(score) THEN CASE lower(trim(score_kind)) ${kindCase} ELSE -1 END ELSE -1 END::INTEGER AS kind FROM events) e
      JOIN keys_${tag} k ON k.event_name = e.event_name AND k.channel IS NOT DISTINCT FROM e.channel
      LEFT JOIN texts_${tag} t ON t.text = e.text
      ${hasProperties ? `LEFT JOIN props_${tag} p ON p.properties = e.properties::VARCHAR` : ""}
      ORDER BY ${STORE_ORDER_SQL.split(", ")
        .map((c) => `e.${c}`)
        .join(", ")}`);
    let pos = 0;
    let lastCustomer = -1;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const n = chunk.rowCount;
      if (pos + n > eventCount) throw new Error("events changed while the journey store was being rebuilt");
      const [vc, vt, vk, vflags] = [0, 1, 2, 3].map((i) => chunk.getColumnVector(i));
      for (let i = 0; i < n; i++, pos++) {
        const c = vc!.getItem(i) as number;
        while (lastCustomer < c) offsets[++lastCustomer] = pos;
        ts[pos] = vt!.getItem(i) as number;
        key[pos] = vk!.getItem(i) as number;
        const flags = vflags!.getItem(i) as number;
        if (flags === 0) {
          if (hasProperties) propertiesId[pos] = -1;
          continue;
        }
        if (flags & 1) {
          scorePos.push(pos);
          scoreKind.push(chunk.getColumnVector(4).getItem(i) as number);
          scoreValue.push(chunk.getColumnVector(5).getItem(i) as number);
        }
        if (flags & 2) {
          textPos.push(pos);
          textIds.push(chunk.getColumnVector(6).getItem(i) as number);
        }
        if (hasProperties) propertiesId[pos] = flags & 4 ? (chunk.getColumnVector(7).getItem(i) as number) : -1;
      }
    }
    if (pos !== eventCount) throw new Error("events changed while the journey store was being rebuilt");
    while (lastCustomer < customerCount) offsets[++lastCustomer] = pos;

    const store: JourneyStore = {
      generation: `${Date.now().toString(36)}-${tag}`,
      builtAt: new Date().toISOString(),
      customerCount,
      eventCount,
      minTs: minTs ?? NaN,
      maxTs: maxTs ?? NaN,
      offsets,
      ts,
      key,
      keyName,
      keyChannel,
      eventNames,
      channels,
      scorePos: toShared("i32", scorePos),
      scoreValue: toShared("f64", scoreValue),
      scoreKind: toShared("u8", scoreKind),
      textPos: toShared("i32", textPos),
      textId: toShared("i32", textIds),
      textSentiment,
      textLanguage,
      hasProperties,
      texts: () => texts,
      propertiesId: () => propertiesId,
      properties: () => properties,
    };
    if (db.dir === ":memory:") rememberJourneyStore(db, store);
    else {
      const path = join(db.dir, JOURNEY_STORE_FILE);
      writeJourneyStoreFile(path, store);
      rememberJourneyStore(db, store, path);
    }
    return store;
  } finally {
    for (const t of ["keys", "texts", "props"])
      await connection.run(`DROP TABLE IF EXISTS ${t}_${tag}`).catch(() => undefined);
    connection.closeSync();
  }
}

function toShared<T extends "i32" | "f64" | "u8">(type: T, values: number[]) {
  const array = sharedArray(type, values.length);
  array.set(values);
  return array;
}
