import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** One part of a hand-built ZIP: its name, its raw-deflated bytes, and the uncompressed size its headers declare. */
export interface ZipPart {
  name: string;
  deflated: Buffer;
  declaredSize: number;
  /** The CRC-32 of the inflated bytes; 0 when left out. */
  crc?: number;
}

/** Raw-deflates `head`, `unit` `times` times, then `tail`, streaming, so the inflated text is never held in memory. */
export async function deflateRepeated(head: string, unit: string, times: number, tail: string): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  const perBlock = block.length / Buffer.byteLength(unit);
  deflate.write(head);
  for (let left = times; left > 0; left -= perBlock) {
    const piece = left >= perBlock ? block : Buffer.from(unit.repeat(left));
    if (!deflate.write(piece)) await once(deflate, "drain");
  }
  deflate.end(tail);
  await once(deflate, "end");
  return Buffer.concat(chunks);
}

/**
 * A ZIP archive built by hand from deflated parts, declaring whatever sizes the parts say (CRCs are left 0: the
 * readers under test stop before checking them, or never do). For bomb files made in tests, never committed.
 */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc ?? 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc ?? 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A real ZIP archive of these files (deflated, true sizes and CRCs), as any ZIP program would write it. */
export function zipFiles(files: Array<{ name: string; bytes: Uint8Array }>): Buffer {
  return buildZip(
    files.map((f) => ({
      name: f.name,
      deflated: deflateRawSync(f.bytes),
      declaredSize: f.bytes.length,
      crc: crc32(f.bytes),
    })),
  );
}
