/** The PNG's pixel density when none is asked for: sharp when the image is zoomed or printed. */
export const DEFAULT_PNG_SCALE = 2;
/**
 * The most pixels a PNG gets by default: 25 megapixels is what Google Slides and most editors accept, and twice the
 * density of a 40-step map would be 66 megapixels (nearly 20,000 pixels wide), slow to make and refused by the tools
 * people paste it into.
 */
export const DEFAULT_PNG_PIXELS = 25_000_000;

/**
 * The pixel density of a PNG of a `width` × `height` (CSS pixels) print view: the asked one, or by default
 * {@link DEFAULT_PNG_SCALE} reduced until the image holds at most {@link DEFAULT_PNG_PIXELS}, never below 1.
 */
export function pngScale(width: number, height: number, asked?: number): number {
  if (asked !== undefined) return asked;
  const fitting = Math.sqrt(DEFAULT_PNG_PIXELS / Math.max(1, width * height));
  // Two decimals, rounded down, so rounding never takes the image past the limit.
  return Math.max(1, Math.min(DEFAULT_PNG_SCALE, Math.floor(fitting * 100) / 100));
}
