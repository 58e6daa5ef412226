import { describe, expect, it } from "vitest";
import { fitImage, MAX_IMAGE_URL_CHARS, type ImageEncoder } from "./fitImage.js";

/** An encoder whose output grows with pixels and quality, as real codecs' do; WebP packs twice as tight as JPEG. */
const encoder =
  (bytesPerPixel: number, calls: string[] = []): ImageEncoder =>
  (w, h, type, quality) => {
    calls.push(`${w}x${h} ${type} ${quality}`);
    const bytes = Math.ceil(w * h * bytesPerPixel * quality * (type === "image/webp" ? 0.5 : 1));
    return `data:${type};base64,${"A".repeat(Math.ceil(bytes / 3) * 4)}`;
  };

describe("fitImage", () => {
  it("returns the largest, best encoding that fits the card's URL limit, keeping the aspect ratio", () => {
    const calls: string[] = [];
    const url = fitImage(4000, 3000, encoder(0.12, calls));
    expect(url).not.toBeNull();
    expect(url!.length).toBeLessThanOrEqual(MAX_IMAGE_URL_CHARS);
    expect(url!.startsWith("data:image/webp;base64,")).toBe(true);
    const chosen = calls.at(-1)!;
    expect(chosen.split(" ")[0]).toMatch(/^\d+x\d+$/);
    const [w, h] = chosen.split(" ")[0]!.split("x").map(Number);
    expect(Math.abs(w! / h! - 4 / 3)).toBeLessThan(0.05);
    // Every larger or better attempt before it was too big.
    for (const call of calls.slice(0, -1)) {
      const [size, type, q] = call.split(" ");
      const [cw, ch] = size!.split("x").map(Number);
      expect(encoder(0.12)(cw!, ch!, type!, Number(q)).length).toBeGreaterThan(MAX_IMAGE_URL_CHARS);
    }
  });

  it("never enlarges a small image", () => {
    const calls: string[] = [];
    fitImage(40, 20, encoder(0.1, calls));
    expect(calls[0]).toBe("40x20 image/webp 0.8");
  });

  it("gives up when even the smallest thumbnail is too big, and on an empty image", () => {
    expect(fitImage(1000, 1000, encoder(50))).toBeNull();
    expect(fitImage(0, 10, encoder(0.1))).toBeNull();
  });

  it("refuses encodings that are not image data URLs the card accepts", () => {
    expect(fitImage(100, 100, () => "data:text/html;base64,AAAA")).toBeNull();
  });
});
