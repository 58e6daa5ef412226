import type { KpiBucket } from "@opencjm/core";

/** One time bucket of a KPI series, [start, end) in UTC epoch milliseconds. */
export interface TimeBucket {
  start: number;
  end: number;
}

const DAY = 86_400_000;

/** The start of the bucket holding `ms`: UTC midnight, the Monday of its ISO week, or the 1st of its month. */
export function bucketStart(ms: number, size: KpiBucket): number {
  const d = new Date(Math.floor(ms / DAY) * DAY);
  if (size === "day") return d.getTime();
  if (size === "week") return d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextStart(start: number, size: KpiBucket): number {
  if (size === "day") return start + DAY;
  if (size === "week") return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** How many buckets cover [fromMs, toMs), counted without building them (to refuse absurd ranges cheaply). */
export function countBuckets(fromMs: number, toMs: number, size: KpiBucket): number {
  if (toMs <= fromMs) return 0;
  const first = bucketStart(fromMs, size);
  if (size === "month") {
    const a = new Date(first);
    const b = new Date(toMs - 1);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  const width = size === "day" ? DAY : 7 * DAY;
  return Math.ceil((toMs - first) / width);
}

/**
 * The buckets covering [fromMs, toMs), aligned to calendar boundaries (UTC): the first starts at or before `fromMs`,
 * the last ends at or after `toMs`. Events outside [fromMs, toMs) never count, even in a partly covered bucket.
 */
export function kpiBuckets(fromMs: number, toMs: number, size: KpiBucket, max: number): TimeBucket[] {
  const count = countBuckets(fromMs, toMs, size);
  if (count > max) throw new RangeError(`${count} buckets of a ${size} is more than ${max}`);
  const out: TimeBucket[] = [];
  for (let start = bucketStart(fromMs, size); start < toMs;) {
    const end = nextStart(start, size);
    out.push({ start, end });
    start = end;
  }
  return out;
}
