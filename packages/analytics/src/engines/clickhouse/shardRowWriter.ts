import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import type { ClickHouseClient } from "@clickhouse/client";

/** Bytes of one event in the local table's RowBinary layout (see clickhouseTables.ts for the columns). */
const EVENT_ROW_BYTES = 4 + 4 + 8 + 8 + 4 + 1 + 8 + 4 + 4;

/** One event as publishing writes it. */
interface EventRow {
  customer: number;
  pos: number;
  tsMs: number;
  key: number;
  scoreKind: number;
  score: number;
  textId: number;
  propertiesId: number;
}

/** Rows gathered per shard before a block goes out: about 1.5 MB, large enough that HTTP framing costs nothing. */
const ROWS_PER_BLOCK = 32_768;

/**
 * One INSERT per shard, straight into the shard's local table in RowBinary (fixed-width little-endian numbers, no
 * text to format or parse on either side), fed block by block with backpressure. Rows go to shard `customer % n`,
 * the shard the Distributed table's sharding key names.
 */
export class ShardRowWriter {
  private readonly streams: PassThrough[];
  private readonly blocks: Buffer[];
  private readonly fill: number[];
  private readonly full: Array<{ shard: number; block: Buffer }> = [];
  private readonly inserts: Array<Promise<void> | undefined> = [];
  private failure: unknown;
  private readonly failed: Promise<void>;
  private readonly fail: () => void;

  constructor(
    private readonly shards: ClickHouseClient[],
    private readonly table: string,
    private readonly batch: number,
    private readonly signal?: AbortSignal,
  ) {
    this.streams = shards.map(() => new PassThrough());
    this.blocks = shards.map(() => Buffer.allocUnsafe(ROWS_PER_BLOCK * EVENT_ROW_BYTES));
    this.fill = shards.map(() => 0);
    let fail: () => void = () => undefined;
    this.failed = new Promise<void>((resolve) => (fail = resolve));
    this.fail = fail;
  }

  /**
   * Starts a shard's INSERT when its first block is ready, not before: the server closes a reused keep-alive
   * connection whose next request has not begun within its keep_alive_timeout (3 s), and sorting a large event set
   * takes longer than that before the first row comes out.
   */
  private insertInto(s: number): PassThrough {
    const stream = this.streams[s]!;
    if (this.inserts[s]) return stream;
    // A request that fails destroys its body; the failure is reported through the insert's promise.
    stream.on("error", () => undefined);
    const insert = (async () => {
      try {
        const result = await this.shards[s]!.exec({
          query: `INSERT INTO ${this.table} FORMAT RowBinary`,
          values: stream,
          abort_signal: this.signal,
          // Large parts: fewer background merges while a big import lands.
          clickhouse_settings: { max_insert_block_size: "1048576" },
        });
        // The answer is empty; reading it to the end lets the client reuse the connection.
        await finished(result.stream.resume());
      } catch (error) {
        this.failure ??= error;
        this.fail();
        throw error;
      }
    })();
    // Observed by finish(); without this an early failure would count as unhandled before finish() is reached.
    insert.catch(() => undefined);
    this.inserts[s] = insert;
    return stream;
  }

  /**
   * Appends one event to its shard's block (synchronous, so a row costs no promise); a full block waits in a queue
   * that `flush` sends.
   */
  write(row: EventRow): void {
    const s = row.customer % this.streams.length;
    const block = this.blocks[s]!;
    const o = this.fill[s]! * EVENT_ROW_BYTES;
    block.writeUInt32LE(this.batch, o);
    block.writeUInt32LE(row.customer, o + 4);
    block.writeUInt32LE(row.pos % 0x1_0000_0000, o + 8);
    block.writeUInt32LE(Math.floor(row.pos / 0x1_0000_0000), o + 12);
    block.writeDoubleLE(row.tsMs, o + 16);
    block.writeUInt32LE(row.key, o + 24);
    block.writeInt8(row.scoreKind, o + 28);
    block.writeDoubleLE(row.score, o + 29);
    block.writeInt32LE(row.textId, o + 37);
    block.writeInt32LE(row.propertiesId, o + 41);
    if (++this.fill[s]! === ROWS_PER_BLOCK) this.takeBlock(s);
  }

  private takeBlock(s: number): void {
    this.full.push({ shard: s, block: this.blocks[s]!.subarray(0, this.fill[s]! * EVENT_ROW_BYTES) });
    this.blocks[s] = Buffer.allocUnsafe(ROWS_PER_BLOCK * EVENT_ROW_BYTES);
    this.fill[s] = 0;
  }

  /** Sends the full blocks, waiting while a shard is behind (rejects with the first shard's failure). */
  async flush(): Promise<void> {
    for (const { shard, block } of this.full.splice(0)) {
      if (this.failure !== undefined) throw this.failure;
      const stream = this.insertInto(shard);
      if (!stream.write(block))
        await Promise.race([new Promise((resolve) => stream.once("drain", resolve)), this.failed]);
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Sends what is left and waits until every shard has stored its rows (rejects with the first shard's failure). */
  async finish(): Promise<void> {
    for (let s = 0; s < this.streams.length; s++) if (this.fill[s]! > 0) this.takeBlock(s);
    await this.flush();
    this.streams.forEach((stream, s) => this.inserts[s] && stream.end());
    await Promise.all(this.inserts);
  }

  /** Abandons the inserts and waits until their requests have ended (the caller drops what they stored). */
  async abandon(error: unknown): Promise<void> {
    for (const stream of this.streams) {
      // The error reaches the insert's request, which the caller already handles; a stream with no listener of its
      // own would otherwise throw it again as an uncaught exception and take the process down.
      stream.once("error", () => undefined);
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    await Promise.allSettled(this.inserts);
  }
}
