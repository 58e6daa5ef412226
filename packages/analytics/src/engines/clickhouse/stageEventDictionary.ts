import { Readable } from "node:stream";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ClickHouseClient } from "@clickhouse/client";
import { DICTIONARY_KIND } from "./clickhouseTables.js";
import { tsvField } from "./tsvText.js";

/** The DuckDB temporary tables numbering a publication's (event name, channel) pairs, texts and properties. */
interface StagedDictionary {
  keys: string;
  texts: string;
  properties: string;
}

/**
 * Numbers the distinct (event name, channel) pairs, texts and properties of the `events` table in temporary DuckDB
 * tables, exactly as rebuildJourneyStore numbers them (byte order, NULL channel first), so that every shard's kernel
 * partial counts into the journey store's cells and the partials add up like worker partials.
 */
export async function stageEventDictionary(connection: DuckDBConnection, tag: string): Promise<StagedDictionary> {
  const staged = { keys: `ch_keys_${tag}`, texts: `ch_texts_${tag}`, properties: `ch_props_${tag}` };
  await connection.run(
    `CREATE TEMP TABLE ${staged.keys} AS SELECT event_name, channel, (row_number() OVER (ORDER BY event_name, channel NULLS FIRST) - 1)::INTEGER AS key FROM (SELECT DISTINCT event_name, channel FROM events)`,
  );
  await connection.run(
    `CREATE TEMP TABLE ${staged.texts} AS SELECT text, (row_number() OVER (ORDER BY text) - 1)::INTEGER AS text_id FROM (SELECT DISTINCT text FROM events WHERE text IS NOT NULL)`,
  );
  await connection.run(
    `CREATE TEMP TABLE ${staged.properties} AS SELECT properties, (row_number() OVER (ORDER BY properties) - 1)::INTEGER AS props_id FROM (SELECT DISTINCT properties::VARCHAR AS properties FROM events WHERE properties IS NOT NULL)`,
  );
  return staged;
}

/** Drops the temporary tables of a staged dictionary. */
export async function dropStagedDictionary(connection: DuckDBConnection, staged: StagedDictionary): Promise<void> {
  for (const table of [staged.keys, staged.texts, staged.properties])
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
}

/** Writes a staged dictionary under `batch` into the dictionary table on shard 0 (one TabSeparated insert). */
export async function writeEventDictionary(
  connection: DuckDBConnection,
  staged: StagedDictionary,
  shard: ClickHouseClient,
  table: string,
  batch: number,
): Promise<void> {
  const result = await connection.stream(`
    SELECT ${DICTIONARY_KIND.key}, key, event_name, channel FROM ${staged.keys}
    UNION ALL SELECT ${DICTIONARY_KIND.text}, text_id, text, NULL FROM ${staged.texts}
    UNION ALL SELECT ${DICTIONARY_KIND.properties}, props_id, properties, NULL FROM ${staged.properties}`);
  async function* lines(): AsyncGenerator<string> {
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      const columns = chunk.getColumns() as unknown[][];
      let text = "";
      for (let i = 0; i < chunk.rowCount; i++) {
        text += batch;
        for (const column of columns) text += `\t${tsvField(column[i] as string | number | null)}`;
        text += "\n";
      }
      yield text;
    }
  }
  await shard.insert({ table, values: Readable.from(lines(), { objectMode: false }), format: "TabSeparated" });
}
