/**
 * Large kernel buffers of this thread, handed back once a run's results have been read, for the next run to reuse.
 * Memory fresh from the system costs a page fault per 4 KiB page at its first write, and on this kind of virtual
 * machine that is about 3 ms per MB (a fresh, written 20 MB array: 64 ms of CPU). A kernel run over 10⁸ events
 * writes about 400 MB of durations and path hashes per thread, so fresh buffers made a run about half page faults.
 */
const spare: ArrayBuffer[] = [];
let spareBytes = 0;

/** Buffers below this size come and go cheaply enough from the allocator's own free lists. */
const MIN_BYTES = 1 << 16;
/** At most this much is kept; beyond it, handed-back buffers are left to the garbage collector. */
const MAX_SPARE_BYTES = 2 ** 31;
/** Spares are dropped when no run has asked for one this long, so an idle server gives the memory back. */
const IDLE_MS = 60_000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function keepUntilIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    spare.length = 0;
    spareBytes = 0;
  }, IDLE_MS);
  idleTimer.unref();
}

/**
 * An ArrayBuffer of at least `bytes` bytes: the smallest spare that is large enough (but not more than twice as
 * large, so small lists do not take the buffers big ones need), else a new one. A spare's contents are what the last
 * run left in it: callers must not rely on zeros.
 */
export function takeBuffer(bytes: number): ArrayBuffer {
  if (bytes >= MIN_BYTES && spare.length > 0) {
    keepUntilIdle();
    let best = -1;
    for (let i = 0; i < spare.length; i++) {
      const size = spare[i]!.byteLength;
      if (size >= bytes && size <= 2 * bytes && (best < 0 || size < spare[best]!.byteLength)) best = i;
    }
    if (best >= 0) {
      const buffer = spare[best]!;
      spare[best] = spare[spare.length - 1]!;
      spare.pop();
      spareBytes -= buffer.byteLength;
      return buffer;
    }
  }
  return new ArrayBuffer(bytes);
}

/** Keeps buffers whose contents nobody reads any more for later runs on this thread. */
export function giveBuffers(buffers: Iterable<ArrayBuffer>): void {
  for (const buffer of buffers) {
    // A detached buffer (transferred elsewhere meanwhile) has no bytes left to reuse.
    if (buffer.byteLength < MIN_BYTES || spareBytes + buffer.byteLength > MAX_SPARE_BYTES) continue;
    if (spare.includes(buffer)) continue;
    spare.push(buffer);
    spareBytes += buffer.byteLength;
  }
  if (spare.length > 0) keepUntilIdle();
}
