import { describe, expect, it } from "vitest";
import { imageDimensions } from "./imageDimensions.js";

// 5 × 3 pictures as Chromium's canvas encodes uploads (see the web app's fitImage.ts).
const WEBP =
  "data:image/webp;base64,UklGRioCAABXRUJQVlA4WAoAAAAgAAAABAAAAgAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggPAAAAHACAJ0BKgUAAwACgEIlqAJ0cgD7AK4AA9EAr8AA/vXe6aNX/zl9sj3//uDj/xzA57/vW/uyuNvSpnkAAA==";
const JPEG =
  "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAADAAUDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAWEAEBAQAAAAAAAAAAAAAAAAAABDP/xAAVAQEBAAAAAAAAAAAAAAAAAAADBv/EABkRAAIDAQAAAAAAAAAAAAAAAAACBDRxBf/aAAwDAQACEQMRAD8AjK9QFnz6qYPOsPp//9k=";
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUAAAADCAYAAABbNsX4AAAAL0lEQVR4AVyIQQ0AMAjECi4QhSZEoQkdt+23kD6a1odQkypKSSsYuWHo8tv3eH0AAAD//6g6flMAAAAGSURBVAMAyUYT/BzUxDUAAAAASUVORK5CYII=";

/** A data URL of the given bytes. */
const dataUrl = (type: string, bytes: number[]) => `data:image/${type};base64,${Buffer.from(bytes).toString("base64")}`;
const le16 = (n: number) => [n & 0xff, n >> 8];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe("imageDimensions", () => {
  it("reads the size of the pictures an upload makes: WebP, JPEG and PNG", () => {
    for (const url of [WEBP, JPEG, PNG])
      expect([url.slice(0, 15), imageDimensions(url)]).toEqual([url.slice(0, 15), { width: 5, height: 3 }]);
  });

  it("reads GIF, lossy WebP and lossless WebP headers", () => {
    expect(imageDimensions(dataUrl("gif", [...ascii("GIF89a"), ...le16(40), ...le16(30)]))).toEqual({
      width: 40,
      height: 30,
    });
    const riff = (chunk: string, body: number[]) => [
      ...ascii("RIFF"),
      0,
      0,
      0,
      0,
      ...ascii("WEBP"),
      ...ascii(chunk),
      0,
      0,
      0,
      0,
      ...body,
    ];
    const vp8 = riff("VP8 ", [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(640), ...le16(480), 0, 0]);
    expect(imageDimensions(dataUrl("webp", vp8))).toEqual({ width: 640, height: 480 });
    // Lossless: 14 bits of width − 1, then 14 bits of height − 1, after the 0x2f signature.
    const bits = (99 | (49 << 14)) >>> 0;
    const vp8l = riff("VP8L", [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24, 0, 0, 0, 0, 0]);
    expect(imageDimensions(dataUrl("webp", vp8l))).toEqual({ width: 100, height: 50 });
  });

  it("answers null for an address, another type or a broken header", () => {
    expect(imageDimensions("https://example.test/a.png")).toBeNull();
    expect(imageDimensions("data:image/svg+xml;base64,PHN2Zz4=")).toBeNull();
    expect(imageDimensions(dataUrl("png", ascii("not a png at all, really not")))).toBeNull();
    expect(imageDimensions(dataUrl("jpeg", [0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});
