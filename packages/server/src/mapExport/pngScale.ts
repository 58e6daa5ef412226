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
 * {@link DEFAULT_PNG_SCALE} reduced in quarter steps until the image holds at most {@link DEFAULT_PNG_PIXELS}, never
 * below 1.
 */
export function pngScale(width: number, height: number, asked?: number): number {
  if (asked !== undefined) return asked;
  const fitting = Math.sqrt(DEFAULT_PNG_PIXELS / Math.max(1, width * height));
  // Quarter steps, rounded down (so never past the limit): at a density of n/4 every fourth CSS pixel falls on a whole
  // pixel of the image, so card edges and hairlines stay on the pixel grid. At an arbitrary density such as 1.23 they
  // straddle two pixels: the 40 × 20 bench map's PNG was 1.77 MB at 1.23 against 1.27 MB at 1.25 (3 % more pixels),
  // and Chromium took about a fifth more CPU to draw and encode it.
  return Math.max(1, Math.min(DEFAULT_PNG_SCALE, Math.floor(fitting * 4) / 4));
}
