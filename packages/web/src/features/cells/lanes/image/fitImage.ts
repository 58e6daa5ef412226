/** The schema's limit on a card URL, which an uploaded image must fit in as a data URL. */
export const MAX_IMAGE_URL_CHARS = 2048;

/** Draws the image at a size and encodes it: returns a data URL. */
export type ImageEncoder = (width: number, height: number, type: string, quality: number) => string;

// Largest side first: the first encoding that fits is the sharpest one that does. WebP packs about twice the
// picture of JPEG into the same bytes; JPEG is the fallback for browsers that cannot encode WebP.
const SIDES = [256, 224, 192, 160, 128, 112, 96, 80, 64, 48, 32];
const TYPES = ["image/webp", "image/jpeg"];
const QUALITIES = [0.8, 0.6, 0.4, 0.25];

/**
 * Finds the largest, best-quality encoding of a width × height image whose data URL fits in `maxChars`, or null when
 * even the smallest does not. Only image data URLs of the types the schema accepts are returned.
 */
export function fitImage(
  width: number,
  height: number,
  encode: ImageEncoder,
  maxChars = MAX_IMAGE_URL_CHARS,
): string | null {
  if (!(width > 0 && height > 0)) return null;
  const longest = Math.max(width, height);
  const tried = new Set<string>();
  // A browser that cannot encode a type hands back PNG instead; stop asking it for that type.
  const unsupported = new Set<string>();
  for (const side of SIDES) {
    const scale = Math.min(1, side / longest);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    if (tried.has(`${w}x${h}`)) continue;
    tried.add(`${w}x${h}`);
    for (const type of TYPES) {
      for (const quality of QUALITIES) {
        if (unsupported.has(type)) break;
        const url = encode(w, h, type, quality);
        if (!url.startsWith(`data:${type};`)) unsupported.add(type);
        else if (url.length <= maxChars) return url;
      }
    }
  }
  return null;
}

/** Files larger than this are refused before decoding (a phone photo is a few MB). */
export const MAX_IMAGE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Shrinks an uploaded picture in a canvas to a thumbnail data URL that fits on a card; null when the file is not a
 * picture the browser can decode. Throws `RangeError` when the file is too large to try.
 */
export async function imageFileToDataUrl(file: Blob): Promise<string | null> {
  if (file.size > MAX_IMAGE_FILE_BYTES) throw new RangeError("image file too large");
  let bitmap: ImageBitmap;
  try {
    const full = await createImageBitmap(file);
    // Scale down once, with the browser's good resampler, to the largest size tried; every attempt then draws from it.
    const scale = Math.min(1, SIDES[0]! / Math.max(full.width, full.height));
    bitmap =
      scale < 1
        ? await createImageBitmap(full, {
            resizeWidth: Math.max(1, Math.round(full.width * scale)),
            resizeHeight: Math.max(1, Math.round(full.height * scale)),
            resizeQuality: "high",
          })
        : full;
    if (bitmap !== full) full.close();
  } catch {
    return null;
  }
  try {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (!context) return null;
    const encode: ImageEncoder = (w, h, type, quality) => {
      canvas.width = w;
      canvas.height = h;
      // JPEG has no transparency: paint white first so transparent areas do not turn black.
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, w, h);
      context.drawImage(bitmap, 0, 0, w, h);
      return canvas.toDataURL(type, quality);
    };
    return fitImage(bitmap.width, bitmap.height, encode);
  } finally {
    bitmap.close();
  }
}
