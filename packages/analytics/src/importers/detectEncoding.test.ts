import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./detectEncoding.js";

const sentences = {
  gb18030: "我们的客户服务非常好，送货也很快。请问这个产品有什么颜色？",
  big5: "我們的客戶服務非常好，送貨也很快。請問這個產品有什麼顏色？",
  "windows-1251": "Отличный сервис, доставка очень быстрая. Какие цвета есть у этого товара?",
  "windows-1256": "خدمات مشتري عالي بود و ارسال خيلي سريع بود. اين محصول چه رنگ هايي دارد؟",
} as const;

describe("detectEncoding", () => {
  for (const [encoding, text] of Object.entries(sentences)) {
    it(`tells ${encoding} from the other legacy encodings on two sentences`, () => {
      expect(detectEncoding(iconv.encode(`id,text\n1,${text}\n`, encoding)).encoding).toBe(encoding);
    });
  }

  it("valid UTF-8 is UTF-8, even when the sample ends inside a character", () => {
    const bytes = new TextEncoder().encode("a,b\n1,很好");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toEqual({
      encoding: "utf-8",
      bomLength: 0,
      confidence: 1,
    });
  });

  it("a BOM decides", () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      encoding: "utf-8",
      bomLength: 3,
    });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: "utf-16le",
      bomLength: 2,
    });
  });
});
