/** Score kinds the store keeps, by code: index = code stored in `scoreKind`. */
export const SCORE_KINDS = ["csat", "nps", "ces"] as const;

/**
 * The sorted columnar journey store of a workspace (PRODUCT.md §4.6): every event as typed-array columns ordered by
 * stitched customer, then time (then import and source row, so the order is total and repeatable), with a
 * per-customer offset index. Customer `c`'s events are positions `offsets[c]` … `offsets[c + 1] - 1`. Sparse facts
 * (scores, texts) are kept as position-sorted side columns. Typed arrays live on SharedArrayBuffers so worker threads
 * read them without copying.
 */
export interface JourneyStore {
  /** Changes with every rebuild; caches of derived data key on it. */
  generation: string;
  builtAt: string;
  customerCount: number;
  eventCount: number;
  /** Earliest and latest event time in epoch milliseconds (NaN when empty). */
  minTs: number;
  maxTs: number;
  offsets: Int32Array;
  /** Event time, epoch milliseconds UTC (DuckDB microseconds truncated to milliseconds). */
  ts: Float64Array;
  /** Event key: index of the event's distinct (event name, channel) pair. */
  key: Int32Array;
  /** Per key: index into `eventNames`, and into `channels` (-1 when the event has no channel). */
  keyName: Int32Array;
  keyChannel: Int32Array;
  eventNames: string[];
  channels: string[];
  /** Events with a CSAT, NPS or CES score: position, value and kind code (see SCORE_KINDS). */
  scorePos: Int32Array;
  scoreValue: Float64Array;
  scoreKind: Uint8Array;
  /** Events with free text: position and index into the distinct texts. */
  textPos: Int32Array;
  textId: Int32Array;
  /** Per distinct text: sentiment score in (−1, 1) and language code (index into SENTIMENT_LANGUAGES). */
  textSentiment: Float32Array;
  textLanguage: Uint8Array;
  /** True when some event has properties (then `propertiesId` and `properties` are available). */
  hasProperties: boolean;
  /** The distinct texts (read on first use). */
  texts(): string[];
  /** Per event: index into `properties()`, or -1 (read on first use). */
  propertiesId(): Int32Array;
  /** The distinct properties objects as JSON text (read on first use). */
  properties(): string[];
}
