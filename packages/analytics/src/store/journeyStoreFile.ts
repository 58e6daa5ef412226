import { closeSync, fstatSync, fsyncSync, openSync, read, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import type { JourneyStore } from "./JourneyStore.js";

/** Bump when the layout changes: a store file of another version is rebuilt from the event tables. */
export const JOURNEY_STORE_FORMAT = 2;
const MAGIC = "CJMSTORE";
const ALIGN = 8;

type Typed = Int32Array | Float64Array | Float32Array | Uint8Array;
const ARRAY_TYPES = { i32: Int32Array, f64: Float64Array, f32: Float32Array, u8: Uint8Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;

interface Section {
  name: string;
  type: ArrayType | "json";
  offset: number;
  byteLength: number;
}

interface Header {
  format: number;
  generation: string;
  builtAt: string;
  customerCount: number;
  eventCount: number;
  minTs: number | null;
  maxTs: number | null;
  hasProperties: boolean;
  sections: Section[];
}

const COLUMNS = [
  "offsets",
  "ts",
  "key",
  "keyName",
  "keyChannel",
  "scorePos",
  "scoreValue",
  "scoreKind",
  "textPos",
  "textId",
  "textSentiment",
  "textLanguage",
] as const;
const LAZY_COLUMNS = ["propertiesId"] as const;
const LISTS = ["eventNames", "channels"] as const;
const LAZY_LISTS = ["texts", "properties"] as const;

function typeOf(a: Typed): ArrayType {
  if (a instanceof Int32Array) return "i32";
  if (a instanceof Float64Array) return "f64";
  if (a instanceof Float32Array) return "f32";
  return "u8";
}

interface ArrayOf {
  i32: Int32Array;
  f64: Float64Array;
  f32: Float32Array;
  u8: Uint8Array;
}

/** Allocates a typed array on a SharedArrayBuffer, so worker threads can read it in place. */
export function sharedArray<T extends ArrayType>(type: T, length: number): ArrayOf[T] {
  const sab = (bytes: number) => new SharedArrayBuffer(Math.max(1, length) * bytes);
  const arrays: { [K in ArrayType]: () => ArrayOf[K] } = {
    i32: () => new Int32Array(sab(4), 0, length),
    f64: () => new Float64Array(sab(8), 0, length),
    f32: () => new Float32Array(sab(4), 0, length),
    u8: () => new Uint8Array(sab(1), 0, length),
  };
  return arrays[type]();
}

function bytesOf(a: Typed): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * Writes the store to `path` atomically: a temporary file in the same folder, flushed to disk, then renamed over the
 * old one, so a reader sees the old store or the new one, never half of either.
 */
export function writeJourneyStoreFile(path: string, store: JourneyStore): void {
  const payload: Array<{ name: string; type: Section["type"]; bytes: Uint8Array }> = [];
  for (const name of COLUMNS) payload.push({ name, type: typeOf(store[name]), bytes: bytesOf(store[name]) });
  if (store.hasProperties) payload.push({ name: "propertiesId", type: "i32", bytes: bytesOf(store.propertiesId()) });
  const lists: Record<string, string[]> = {
    eventNames: store.eventNames,
    channels: store.channels,
    texts: store.texts(),
  };
  if (store.hasProperties) lists.properties = store.properties();
  for (const [name, list] of Object.entries(lists))
    payload.push({ name, type: "json", bytes: Buffer.from(JSON.stringify(list), "utf8") });

  const sections: Section[] = [];
  let offset = 0;
  for (const p of payload) {
    sections.push({ name: p.name, type: p.type, offset, byteLength: p.bytes.byteLength });
    offset += Math.ceil(p.bytes.byteLength / ALIGN) * ALIGN;
  }
  const header: Header = {
    format: JOURNEY_STORE_FORMAT,
    generation: store.generation,
    builtAt: store.builtAt,
    customerCount: store.customerCount,
    eventCount: store.eventCount,
    minTs: Number.isNaN(store.minTs) ? null : store.minTs,
    maxTs: Number.isNaN(store.maxTs) ? null : store.maxTs,
    hasProperties: store.hasProperties,
    sections,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(Math.ceil((MAGIC.length + 4 + headerBytes.length) / ALIGN) * ALIGN);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);

  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeAll(fd, prefix);
    const pad = new Uint8Array(ALIGN);
    for (const p of payload) {
      writeAll(fd, p.bytes);
      const rest = (ALIGN - (p.bytes.byteLength % ALIGN)) % ALIGN;
      if (rest) writeAll(fd, pad.subarray(0, rest));
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  // writeSync takes at most 2 GiB at a time.
  for (let done = 0; done < bytes.byteLength;)
    done += writeSync(fd, bytes, done, Math.min(bytes.byteLength - done, 1 << 30));
}

function readAll(fd: number, target: Uint8Array, position: number): void {
  for (let done = 0; done < target.byteLength;) {
    const n = readSync(fd, target, done, Math.min(target.byteLength - done, 1 << 30), position + done);
    if (n === 0) throw new Error("journey store file is truncated");
    done += n;
  }
}

const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

const readAsync = promisify(read);

/** Reads without blocking the event loop (a large store is gigabytes), in chunks of at most 1 GiB. */
async function readAllAsync(fd: number, target: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < target.byteLength;) {
    const { bytesRead } = await readAsync(
      fd,
      target,
      done,
      Math.min(target.byteLength - done, 1 << 30),
      position + done,
    );
    if (bytesRead === 0) throw new Error("journey store file is truncated");
    done += bytesRead;
  }
}

/** Identity of a store file on disk (inode, size, modification time): changes when a rebuild renames a new file in. */
export interface StoreFileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * Reads a store file: the header and the columns every metric needs at once, the texts and properties when first
 * asked for. The open descriptor keeps reading the same file even after a rebuild renames a new one over it.
 * Returns undefined when the file is of another format version.
 */
export async function readJourneyStoreFile(
  path: string,
): Promise<{ store: JourneyStore; stamp: StoreFileStamp } | undefined> {
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    const head = new Uint8Array(MAGIC.length + 4);
    readAll(fd, head, 0);
    if (Buffer.from(head.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC)
      throw new Error(`${path}: not a journey store file`);
    const headerLength = Buffer.from(head).readUInt32LE(MAGIC.length);
    const headerBytes = new Uint8Array(headerLength);
    readAll(fd, headerBytes, head.byteLength);
    const header = JSON.parse(Buffer.from(headerBytes).toString("utf8")) as Header;
    if (header.format !== JOURNEY_STORE_FORMAT) {
      closeSync(fd);
      return undefined;
    }
    const base = Math.ceil((MAGIC.length + 4 + headerLength) / ALIGN) * ALIGN;
    const byName = new Map(header.sections.map((s) => [s.name, s]));
    const sectionOf = (name: string) => {
      const s = byName.get(name);
      if (!s || s.type === "json") throw new Error(`${path}: section ${name} is missing`);
      return { s, array: sharedArray(s.type, s.byteLength / ARRAY_TYPES[s.type].BYTES_PER_ELEMENT) };
    };
    const readColumn = (name: string): Typed => {
      const { s, array } = sectionOf(name);
      readAll(fd, bytesOf(array), base + s.offset);
      return array;
    };
    const readList = (name: string): string[] => {
      const s = byName.get(name);
      if (!s) throw new Error(`${path}: section ${name} is missing`);
      const bytes = new Uint8Array(s.byteLength);
      readAll(fd, bytes, base + s.offset);
      return JSON.parse(Buffer.from(bytes).toString("utf8")) as string[];
    };
    const columns = {} as Record<(typeof COLUMNS)[number], Typed>;
    for (const c of COLUMNS) {
      const { s, array } = sectionOf(c);
      await readAllAsync(fd, bytesOf(array), base + s.offset);
      columns[c] = array;
    }
    const lists = Object.fromEntries(LISTS.map((l) => [l, readList(l)])) as Record<(typeof LISTS)[number], string[]>;
    const lazy = <T>(load: () => T): (() => T) => {
      let value: T | undefined;
      return () => (value ??= load());
    };
    const store: JourneyStore = {
      generation: header.generation,
      builtAt: header.builtAt,
      customerCount: header.customerCount,
      eventCount: header.eventCount,
      minTs: header.minTs ?? NaN,
      maxTs: header.maxTs ?? NaN,
      offsets: columns.offsets as Int32Array,
      ts: columns.ts as Float64Array,
      key: columns.key as Int32Array,
      keyName: columns.keyName as Int32Array,
      keyChannel: columns.keyChannel as Int32Array,
      eventNames: lists.eventNames,
      channels: lists.channels,
      scorePos: columns.scorePos as Int32Array,
      scoreValue: columns.scoreValue as Float64Array,
      scoreKind: columns.scoreKind as Uint8Array,
      textPos: columns.textPos as Int32Array,
      textId: columns.textId as Int32Array,
      textSentiment: columns.textSentiment as Float32Array,
      textLanguage: columns.textLanguage as Uint8Array,
      hasProperties: header.hasProperties,
      texts: lazy(() => readList(LAZY_LISTS[0])),
      propertiesId: lazy(() =>
        header.hasProperties ? (readColumn(LAZY_COLUMNS[0]) as Int32Array) : new Int32Array(0),
      ),
      properties: lazy(() => (header.hasProperties ? readList(LAZY_LISTS[1]) : [])),
    };
    // The descriptor stays open for the lazy sections and is closed once nobody holds this store any more.
    closeWhenCollected.register(store, fd);
    return { store, stamp: { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}
