/** A picture's size in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/=]+)$/;

/**
 * The pixel size of an uploaded picture (an image data URL of a type cards accept), read from its header; null for
 * anything else or a header that does not parse. Exports lay a picture out at its own proportions, and office files
 * need the size written in, as nothing there measures the picture for them.
 */
export function imageDimensions(url: string): ImageSize | null {
  const match = DATA_URL.exec(url);
  if (!match) return null;
  const bytes = Buffer.from(match[2]!, "base64");
  const size = sizeOf(match[1]!, bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function sizeOf(type: string, b: Buffer): ImageSize | null {
  if (type === "png" && b.length >= 24 && b.toString("latin1", 12, 16) === "IHDR")
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (type === "gif" && b.length >= 10 && b.toString("latin1", 0, 3) === "GIF")
    return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (type === "jpeg") return jpegSize(b);
  if (type === "webp") return webpSize(b);
  return null;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the height and then the width. */
function jpegSize(b: Buffer): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    // SOF0…SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

/** The three WebP flavours keep the size in three places: lossy (VP8), lossless (VP8L) and extended (VP8X). */
function webpSize(b: Buffer): ImageSize | null {
  if (b.length < 30 || b.toString("latin1", 0, 4) !== "RIFF" || b.toString("latin1", 8, 12) !== "WEBP") return null;
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 ") return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}
