// Data generator for import tests and benchmarks: realistic multi-channel customer journeys of any size, streamed to
// disk. Each customer may have an e-mail, one to three browser cookies and a phone; which rows carry two of them (a
// login, a CRM record with a phone, a support ticket with an e-mail) is decided per customer, so the number of
// customers stitching must find is known by construction. Junk identifiers ("0000000000", "test@test.com") are
// shared by many customers and must never join them. Seeded: the same options write the same bytes.
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { seededRandom, type ImportMappingInput } from "@opencjm/analytics";
import ExcelJS from "exceljs";

/** What to generate. */
export interface JourneyDataOptions {
  customers: number;
  outDir: string;
  seed?: number;
  /** `sources`: web.csv, crm.csv, support.csv, survey.csv; `combined`: one events.csv with every identifier column. */
  layout?: "sources" | "combined";
  /** Keep, per identifier, the piece of its customer it belongs to (for tests; costs memory). */
  collectTruth?: boolean;
  /** Write the CRM source as an XLSX workbook (crm.xlsx, streamed) instead of CSV. */
  crmFormat?: "csv" | "xlsx";
}

/** What was generated and the answers stitching must find. */
export interface JourneyDataTruth {
  files: Record<string, string>;
  events: number;
  eventsByFile: Record<string, number>;
  /** Stitched customers expected: one per customer, plus one per identifier left unlinked by design. */
  expectedCustomers: number;
  /** With collectTruth: "kind:normalised value" → expected customer piece (pieces numbered from 0). */
  owner?: Map<string, number>;
}

/** Mappings of the generated files, as a user would save them per source. */
export const JOURNEY_MAPPINGS: Record<"web" | "crm" | "support" | "survey" | "events", ImportMappingInput> = {
  web: {
    columns: {
      cookie_id: { role: "identifier", kind: "cookie" },
      email: { role: "identifier", kind: "email" },
      timestamp: { role: "timestamp" },
      event: { role: "event" },
      page: { role: "property" },
      utm_source: { role: "property" },
    },
    channel: "web",
  },
  crm: {
    columns: {
      email: { role: "identifier", kind: "email" },
      phone: { role: "identifier", kind: "phone" },
      created: { role: "timestamp" },
      event: { role: "event" },
      country: { role: "attribute" },
      plan: { role: "attribute" },
      age: { role: "attribute" },
    },
    channel: "crm",
    timeZone: "Europe/Berlin",
  },
  support: {
    columns: {
      phone: { role: "identifier", kind: "phone" },
      email: { role: "identifier", kind: "email" },
      opened: { role: "timestamp" },
      event: { role: "event" },
      channel: { role: "channel" },
      note: { role: "text" },
    },
    timestampFormat: "dmy",
  },
  survey: {
    columns: {
      email: { role: "identifier", kind: "email" },
      answered_at: { role: "timestamp" },
      score: { role: "score" },
      score_kind: { role: "scoreKind" },
      comment: { role: "text" },
    },
    eventName: "Survey answered",
    channel: "survey",
    timestampFormat: "epoch_s",
  },
  events: {
    columns: {
      cookie_id: { role: "identifier", kind: "cookie" },
      email: { role: "identifier", kind: "email" },
      phone: { role: "identifier", kind: "phone" },
      timestamp: { role: "timestamp" },
      event: { role: "event" },
      channel: { role: "channel" },
      score: { role: "score" },
      score_kind: { role: "scoreKind" },
      text: { role: "text" },
      page: { role: "property" },
    },
  },
};

/** Feedback in the five UI languages (Persian with its own ی and ک), positive and negative. */
const FEEDBACK: Record<string, string[]> = {
  en: [
    "Fast delivery, great service",
    "The checkout was confusing",
    "Support solved my problem quickly",
    "I waited too long for an answer",
  ],
  "zh-Hans": ["送货很快，服务很好", "结账流程太复杂了", "客服很快解决了我的问题", "等了太久才有回复"],
  "zh-Hant": ["送貨很快，服務很好", "結帳流程太複雜了", "客服很快解決了我的問題", "等了太久才有回覆"],
  ru: [
    "Быстрая доставка, отличный сервис",
    "Оформление заказа было запутанным",
    "Поддержка быстро решила мою проблему",
    "Слишком долго ждал ответа",
  ],
  fa: [
    "ارسال سریع و خدمات عالی بود",
    "پرداخت خیلی گیج‌کننده بود",
    "پشتیبانی مشکل من را سریع حل کرد",
    "خیلی منتظر پاسخ ماندم",
  ],
};
const LANGUAGES = Object.keys(FEEDBACK);
const COUNTRIES = ["DE", "US", "CN", "TW", "RU", "IR", "FR", "GB"];
const PLANS = ["free", "basic", "pro"];
const PAGES = ["/", "/shoes", "/shoes/runner-2", "/cart", "/checkout", "/help"];
const UTM = ["google", "newsletter", "instagram", "direct"];
const MONTH_WEIGHTS = [0.8, 0.7, 0.9, 1, 1, 0.9, 0.8, 0.8, 1, 1.1, 1.8, 2.2]; // November and December peak
const YEAR_START = Date.UTC(2024, 0, 1);

/** Where generated rows go. */
interface RowSink {
  readonly path: string;
  rows: number;
  row(cells: Array<string | number | undefined>): Promise<void>;
  close(): Promise<void>;
}

/** A buffered CSV writer that respects back-pressure, so files of any size stream to disk. */
class CsvFile implements RowSink {
  private readonly out: WriteStream;
  private buffer = "";
  rows = 0;
  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.out = createWriteStream(path);
    this.buffer = `${header.join(",")}\n`;
  }
  async row(cells: Array<string | number | undefined>): Promise<void> {
    this.rows++;
    this.buffer += `${cells.map((c) => (c === undefined ? "" : typeof c === "number" ? String(c) : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\n`;
    if (this.buffer.length > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer && !this.out.write(this.buffer)) await once(this.out, "drain");
    this.buffer = "";
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "finish");
  }
}

/** An XLSX workbook written row by row with exceljs' streaming writer. */
class XlsxFile implements RowSink {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  rows = 0;
  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: false,
    });
    this.sheet = this.workbook.addWorksheet("CRM");
    this.sheet.addRow(header).commit();
  }
  async row(cells: Array<string | number | undefined>): Promise<void> {
    this.rows++;
    this.sheet.addRow(cells.map((c) => c ?? null)).commit();
  }
  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";
/** Local Berlin wall-clock time as CRMs export it (zone-less); fixed +1 h outside summer time is close enough here. */
const berlin = (ms: number) => {
  const d = new Date(ms + 3600_000 * (isSummerTime(ms) ? 2 : 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const dayFirst = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
function isSummerTime(ms: number): boolean {
  // EU summer time 2024: 31 March 01:00 UTC to 27 October 01:00 UTC.
  return ms >= Date.UTC(2024, 2, 31, 1) && ms < Date.UTC(2024, 9, 27, 1);
}

/** Writes the journeys and returns what stitching should find. */
export async function generateJourneyEvents(options: JourneyDataOptions): Promise<JourneyDataTruth> {
  const rnd = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  mkdirSync(options.outDir, { recursive: true });
  const combined = options.layout === "combined";
  const open = (name: string, header: string[]): RowSink => new CsvFile(join(options.outDir, name), header);
  const all = combined
    ? open("events.csv", [
        "cookie_id",
        "email",
        "phone",
        "timestamp",
        "event",
        "channel",
        "score",
        "score_kind",
        "text",
        "page",
      ])
    : undefined;
  const web = all ?? open("web.csv", ["cookie_id", "email", "timestamp", "event", "page", "utm_source"]);
  const crmHeader = ["email", "phone", "created", "event", "country", "plan", "age"];
  const crm =
    all ??
    (options.crmFormat === "xlsx"
      ? new XlsxFile(join(options.outDir, "crm.xlsx"), crmHeader)
      : open("crm.csv", crmHeader));
  const support = all ?? open("support.csv", ["phone", "email", "opened", "event", "channel", "note"]);
  const survey = all ?? open("survey.csv", ["email", "answered_at", "score", "score_kind", "comment"]);
  const owner = options.collectTruth ? new Map<string, number>() : undefined;
  let pieces = 0;
  const monthTotal = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);

  for (let c = 0; c < options.customers; c++) {
    // Seasonal start: a month by weight, a day, an hour weighted to the daytime.
    let m = rnd() * monthTotal;
    let month = 0;
    while (m > MONTH_WEIGHTS[month]! && month < 11) m -= MONTH_WEIGHTS[month++]!;
    let t =
      Date.UTC(2024, month, 1) +
      Math.floor(rnd() * 28) * 86400_000 +
      (8 + Math.floor(rnd() * 14)) * 3600_000 +
      Math.floor(rnd() * 3600) * 1000;
    t = Math.max(t, YEAR_START);
    const email = rnd() < 0.7 ? `customer${c}@mail.example` : undefined;
    const phoneDigits = rnd() < 0.35 ? `1555${String(c).padStart(7, "0")}` : undefined;
    const cookies =
      rnd() < 0.85
        ? Array.from(
            { length: 1 + (rnd() < 0.3 ? 1 : 0) + (rnd() < 0.1 ? 1 : 0) },
            (_, i) => `ck-${c}-${i}-${Math.floor(rnd() * 1e9).toString(36)}`,
          )
        : [];
    const phoneOnRecord = email !== undefined && phoneDigits !== undefined && rnd() < 0.7;
    const tickets = phoneDigits !== undefined && rnd() < 0.8;
    const emailOnTicket = tickets && email !== undefined && rnd() < 0.5;
    // By construction: the e-mail, every cookie that logged in and a phone on the record or ticket with the e-mail
    // are one customer; every other identifier is a customer of its own.
    const main = email ? pieces++ : -1;
    const claim = (kind: string, value: string, linked: boolean) => {
      owner?.set(`${kind}:${value}`, linked ? main : pieces);
    };
    const piece = (kind: string, value: string, linked: boolean) => {
      claim(kind, value, linked);
      if (!linked) pieces++;
    };
    if (email) claim("email", email, true);

    // Web: one session per cookie; a login joins the cookie to the e-mail. Anonymous sessions sometimes carry a
    // placeholder e-mail from a test form, which must join nothing.
    for (const cookie of cookies) {
      const logsIn = email !== undefined && rnd() < 0.8;
      piece("cookie", cookie, logsIn);
      const steps = ["page_view", "product_view"];
      while (rnd() < 0.4) steps.push("product_view", "add_to_cart"); // browsing loops
      if (rnd() < 0.6) steps.push("checkout");
      if (steps.includes("checkout") && rnd() < 0.7) steps.push("purchase");
      for (const [i, step] of steps.entries()) {
        t += (30 + Math.floor(rnd() * 600)) * 1000;
        const withEmail = logsIn && i === 1 ? email : !logsIn && rnd() < 0.05 ? "test@test.com" : undefined;
        if (all)
          await all.row([
            cookie,
            withEmail,
            undefined,
            iso(t),
            step,
            "web",
            undefined,
            undefined,
            undefined,
            pick(PAGES),
          ]);
        else await web.row([cookie, withEmail, iso(t), step, pick(PAGES), pick(UTM)]);
      }
      t += Math.floor(rnd() * 5 * 86400_000);
    }
    // CRM: the account (e-mail upper-cased, as CRMs do), with a phone on the record for some, written with
    // punctuation; both normalise to what the other sources write.
    if (email) {
      const phoneText = phoneOnRecord ? `+1 (555) ${phoneDigits!.slice(4, 7)}-${phoneDigits!.slice(7)}` : undefined;
      t += 3600_000;
      if (all)
        await all.row([
          undefined,
          email.toUpperCase(),
          phoneText,
          iso(t),
          "account_created",
          "crm",
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      else
        await crm.row([
          email.toUpperCase(),
          phoneText,
          berlin(t),
          "account_created",
          pick(COUNTRIES),
          pick(PLANS),
          18 + Math.floor(rnd() * 60),
        ]);
    }
    if (phoneDigits && (phoneOnRecord || tickets)) piece("phone", phoneDigits, phoneOnRecord || emailOnTicket);
    // Support: tickets by phone, some with the e-mail on them.
    if (tickets) {
      for (const step of ["ticket_opened", "ticket_resolved"]) {
        t += (1 + Math.floor(rnd() * 48)) * 3600_000;
        const ticketEmail = emailOnTicket ? email : undefined;
        const note = step === "ticket_resolved" ? pick(FEEDBACK[pick(LANGUAGES)]!) : undefined;
        if (all)
          await all.row([
            undefined,
            ticketEmail,
            phoneDigits,
            iso(t),
            step,
            "phone",
            undefined,
            undefined,
            note,
            undefined,
          ]);
        else await support.row([phoneDigits, ticketEmail, dayFirst(t), step, "phone", note]);
      }
    } else if (email && rnd() < 0.2) {
      // A ticket with a placeholder phone and a real e-mail: the placeholder must not join these customers.
      t += 3600_000;
      if (all)
        await all.row([
          undefined,
          email,
          "0000000000",
          iso(t),
          "ticket_opened",
          "email",
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      else await support.row(["0000000000", email, dayFirst(t), "ticket_opened", "email", undefined]);
    }
    // Survey: scores on three scales, with free text in one of five languages.
    if (email && rnd() < 0.4) {
      const kind = pick(["csat", "nps", "ces"] as const);
      const score =
        kind === "csat"
          ? 1 + Math.floor(rnd() * 5)
          : kind === "nps"
            ? Math.floor(rnd() * 11)
            : 1 + Math.floor(rnd() * 7);
      t += 86400_000;
      const text = pick(FEEDBACK[pick(LANGUAGES)]!);
      if (all)
        await all.row([undefined, email, undefined, iso(t), "survey_answered", "survey", score, kind, text, undefined]);
      else await survey.row([email, Math.floor(t / 1000), score, kind, text]);
    }
  }
  const files = combined ? [all!] : [web, crm, support, survey];
  for (const f of files) await f.close();
  const name = (f: RowSink) =>
    f.path
      .split("/")
      .pop()!
      .replace(/\.(csv|xlsx)$/, "");
  const eventsByFile = Object.fromEntries(files.map((f) => [name(f), f.rows]));
  return {
    files: Object.fromEntries(files.map((f) => [name(f), f.path])),
    events: files.reduce((n, f) => n + f.rows, 0),
    eventsByFile,
    expectedCustomers: pieces,
    owner,
  };
}
