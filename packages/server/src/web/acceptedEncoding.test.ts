import { describe, expect, it } from "vitest";
import { acceptedEncoding, type StoredEncoding } from "./acceptedEncoding.js";

const both = new Set<StoredEncoding>(["br", "gzip"]);

describe("which compressed copy a browser gets", () => {
  it("prefers brotli when the browser takes both, and honours the browser's weights", () => {
    expect(acceptedEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(acceptedEncoding("br;q=0.5, gzip", both)).toBe("gzip");
    expect(acceptedEncoding("br;q=0, gzip;q=0.1", both)).toBe("gzip");
    expect(acceptedEncoding("x-gzip", both)).toBe("gzip");
    expect(acceptedEncoding("*", both)).toBe("br");
    expect(acceptedEncoding("*, br;q=0", both)).toBe("gzip");
  });

  it("answers with the plain file when the browser takes no copy the file has", () => {
    expect(acceptedEncoding(undefined, both)).toBeUndefined();
    expect(acceptedEncoding("", both)).toBeUndefined();
    expect(acceptedEncoding("identity", both)).toBeUndefined();
    expect(acceptedEncoding("gzip;q=0, br;q=0", both)).toBeUndefined();
    expect(acceptedEncoding("br;q=nonsense", both)).toBeUndefined();
    expect(acceptedEncoding("br", new Set(["gzip"]))).toBeUndefined();
    expect(acceptedEncoding("gzip, br", new Set())).toBeUndefined();
  });
});
