import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { ImportError } from "./ImportError.js";
import type { TextEncoding } from "@opencjm/core";
import { openTestWorkspace, rejection, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

// Real sentences in each script, as a survey export in that language would hold them.
const TEXTS: Record<string, { header: string; rows: string[] }> = {
  gb18030: {
    header: "客户,时间,事件,评论",
    rows: [
      "张伟,2024-05-01 10:00,购买,送货很快，服务很好，下次还会再来。",
      "李娜,2024-05-02 11:00,咨询,请问这个产品有什么颜色可以选择？",
      "王芳,2024-05-03 12:00,投诉,包装破损了，希望客服尽快处理退换货。",
    ],
  },
  big5: {
    header: "客戶,時間,事件,評論",
    rows: [
      "陳大文,2024-05-01 10:00,購買,送貨很快，服務很好，下次還會再來。",
      "林小美,2024-05-02 11:00,諮詢,請問這個產品有什麼顏色可以選擇？",
      "黃志明,2024-05-03 12:00,投訴,包裝破損了，希望客服盡快處理退換貨。",
    ],
  },
  "windows-1251": {
    header: "клиент,время,событие,отзыв",
    rows: [
      "Иван,2024-05-01 10:00,покупка,Отличный сервис и очень быстрая доставка.",
      "Мария,2024-05-02 11:00,вопрос,Какие цвета есть у этого товара?",
      "Олег,2024-05-03 12:00,жалоба,Упаковка была повреждена при доставке.",
    ],
  },
  "windows-1256": {
    header: "مشتری,زمان,رویداد,نظر",
    rows: [
      "علی,2024-05-01 10:00,خرید,ارسال سریع بود و کیفیت کالا عالی است.",
      "مریم,2024-05-02 11:00,سوال,این محصول چه رنگ هایی دارد؟",
      "رضا,2024-05-03 12:00,شکایت,بسته بندی هنگام ارسال آسیب دیده بود.",
    ],
  },
};

/** What a legacy Persian system writes: Windows-1256 has no Persian yeh, so ی and ک are stored as Arabic ي and ك. */
const arabicLetters = (s: string) => s.replace(/ی/g, "ي").replace(/ک/g, "ك");

async function storedTexts(): Promise<string[]> {
  return (await t.query("SELECT text FROM events ORDER BY row_number")).map((r) => r[0] as string);
}

describe("encodings are detected and decoded to UTF-8", () => {
  for (const [encoding, sample] of Object.entries(TEXTS)) {
    it(`${encoding}: detected from the bytes, text stored intact`, async () => {
      const csv = [sample.header, ...sample.rows].join("\n") + "\n";
      const bytes = iconv.encode(encoding === "windows-1256" ? arabicLetters(csv) : csv, encoding);
      const columns = sample.header.split(",");
      const mapping = {
        columns: {
          [columns[0]!]: { role: "identifier" as const, kind: "customerId" as const },
          [columns[1]!]: { role: "timestamp" as const },
          [columns[2]!]: { role: "event" as const },
          [columns[3]!]: { role: "text" as const },
        },
      };
      const result = await importEvents(t.db, {
        path: t.file(`${encoding}.csv`, bytes),
        source: { name: encoding },
        mapping,
      });
      expect([result.encoding, result.eventsStored]).toEqual([encoding, 3]);
      expect(await storedTexts()).toEqual(sample.rows.map((r) => r.split(",").slice(3).join(",")));
      const names = (await t.query("SELECT value FROM identities ORDER BY customer_id")).map((r) => r[0]);
      expect(names).toEqual(sample.rows.map((r) => r.split(",")[0]));
    });
  }

  it("windows-1256: Arabic ي and ك become Persian ی and ک", async () => {
    const csv = "مشتری,زمان,رویداد,نظر\nعلی,2024-05-01 10:00,خرید,کیفیت عالی بود\n";
    const bytes = iconv.encode(arabicLetters(csv), "windows-1256");
    expect(iconv.decode(bytes, "windows-1256")).toContain("ي"); // the file really holds the Arabic letters
    await importEvents(t.db, {
      path: t.file("fa.csv", bytes),
      source: { name: "fa" },
      mapping: {
        columns: {
          مشتری: { role: "identifier", kind: "customerId" },
          زمان: { role: "timestamp" },
          رویداد: { role: "event" },
          نظر: { role: "text" },
        },
      },
    });
    const [text, event] = await t.row("SELECT text, event_name FROM events");
    expect([text, event]).toEqual(["کیفیت عالی بود", "خرید"]);
  });

  const utf = "customer_id,time,event,text\nc1,2024-05-01 10:00,buy,naïve café — 很好 — отлично — عالی\n";
  const cases: Array<[string, Uint8Array, TextEncoding]> = [
    ["UTF-8 without BOM", new TextEncoder().encode(utf), "utf-8"],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(utf)]), "utf-8"],
    ["UTF-16LE with BOM", Uint8Array.from([0xff, 0xfe, ...iconv.encode(utf, "utf-16le")]), "utf-16le"],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`${name}: the header is read without the BOM`, async () => {
      const result = await importEvents(t.db, { path: t.file("u.csv", bytes), source: { name } });
      expect([result.encoding, result.mapping.columns.customer_id]).toEqual([
        encoding,
        { role: "identifier", kind: "customerId" },
      ]);
      expect(await storedTexts()).toEqual(["naïve café — 很好 — отлично — عالی"]);
    });
  }
});

describe("wrongly encoded files", () => {
  it("a GB18030 file declared UTF-8 is refused with the line", async () => {
    const bytes = iconv.encode(
      `customer_id,time,event\n${"c,2024-05-01 10:00,buy\n".repeat(3)}c,2024-05-02 10:00,购买\n`,
      "gb18030",
    );
    const error = await rejection<ImportError>(
      importEvents(t.db, { path: t.file("gbk.csv", bytes), source: { name: "x" }, encoding: "utf-8" }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect([error.code, error.row]).toEqual(["bad_encoding", 4]);
    expect(error.message).toMatch(/^gbk\.csv, row 4: is not valid UTF-8 \(line 5/);
  });

  it("bytes that are text in no supported encoding", async () => {
    // High bytes from a fixed pseudo-random sequence: valid UTF-8 nowhere, garbage in every legacy encoding.
    const noise = Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37 + ((i * i) % 11)) % 128));
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode("customer_id,time,event\nc,2024-05-01 10:00,"),
      ...noise,
      0x0a,
    ]);
    const error = await rejection<ImportError>(
      importEvents(t.db, { path: t.file("junk.csv", bytes), source: { name: "x" } }),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.code).toBe("unknown_encoding");
  });
});
