import { isConstantPerCase, type ColumnRole, type GuessNote, type ImportMappingInput } from "@opencjm/core";

type Rule = { role: ColumnRole; names: RegExp };

// Header names in the five UI languages and the usual exports (pm4py/XES, Google Analytics, CRMs, survey tools).
// Order matters: the first rule whose pattern matches a header wins.
const RULES: Rule[] = [
  {
    role: { role: "identifier", kind: "email" },
    names:
      /^(e-?mail|email_address|mail|почта|электронная почта|e-?mail адрес|邮箱|電子郵件|电子邮件|郵箱|ایمیل|پست الکترونیک)$/iu,
  },
  {
    role: { role: "identifier", kind: "phone" },
    names: /^(phone|phone_number|tel|telephone|mobile|msisdn|телефон|手机|手機|电话|電話|تلفن|موبایل|شماره تماس)$/iu,
  },
  {
    role: { role: "identifier", kind: "cookie" },
    names: /^(cookie|cookie_id|anonymous_id|anon_id|visitor_id|client_id|ga_client_id|session_cookie)$/iu,
  },
  { role: { role: "identifier", kind: "device" }, names: /^(device|device_id|idfa|gaid|advertising_id)$/iu },
  {
    role: { role: "identifier", kind: "customerId" },
    names:
      /^(customer|customer_id|customerid|user|user_id|userid|client|account_id|case|case_id|case:concept:name|клиент|id клиента|客户|客戶|客户id|مشتری|شناسه مشتری)$/iu,
  },
  {
    role: { role: "timestamp" },
    names:
      /^(timestamp|time|date|datetime|date_time|event_time|event_timestamp|created_at|occurred_at|ts|time:timestamp|дата|время|时间|時間|日期|زمان|تاریخ)$/iu,
  },
  {
    role: { role: "event" },
    names:
      /^(event|event_name|event_type|activity|action|touchpoint|step|concept:name|событие|действие|事件|活动|活動|رویداد|فعالیت)$/iu,
  },
  { role: { role: "channel" }, names: /^(channel|medium|source_channel|канал|渠道|管道|کانال)$/iu },
  { role: { role: "score", kind: "csat" }, names: /^(csat|satisfaction|csat_score)$/iu },
  { role: { role: "score", kind: "nps" }, names: /^(nps|nps_score|recommend|likelihood_to_recommend)$/iu },
  { role: { role: "score", kind: "ces" }, names: /^(ces|effort|ces_score|customer_effort)$/iu },
  { role: { role: "score" }, names: /^(score|rating|оценка|评分|評分|امتیاز)$/iu },
  { role: { role: "scoreKind" }, names: /^(score_kind|score_type|survey_type)$/iu },
  {
    role: { role: "text" },
    names:
      /^(text|comment|comments|feedback|message|review|verbatim|отзыв|комментарий|评论|評論|反馈|回饋|نظر|بازخورد)$/iu,
  },
  {
    role: { role: "attribute" },
    names:
      /^(country|city|region|age|age_range|gender|plan|tier|segment|industry|company_size|job_title|role|language|страна|город|возраст|国家|國家|城市|年龄|年齡|کشور|شهر|سن)$/iu,
  },
];

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?|\d{1,2}[/.]\d{1,2}[/.]\d{4}( .*)?|\d{10}|\d{13})$/;

/** The role the values of a column suggest when its name says nothing. */
function roleFromValues(values: string[]): ColumnRole | undefined {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return undefined;
  const share = (re: RegExp) => filled.filter((v) => re.test(v)).length / filled.length;
  if (share(EMAIL) >= 0.8) return { role: "identifier", kind: "email" };
  if (share(TIMESTAMP) >= 0.8) return { role: "timestamp" };
  if (share(PHONE) >= 0.8 && filled.some((v) => /[\s+()-]/.test(v))) return { role: "identifier", kind: "phone" };
  return undefined;
}

// Names that say "when the event happened"; other date names (created_at, date) rank below them.
const EVENT_TIME =
  /^(timestamp|time|datetime|date_time|event_time|event_timestamp|event_date|occurred_at|ts|time:timestamp|время|时间|時間|زمان)$/iu;
// Dates that describe the customer or the case rather than the event: never the event's time unless nothing else is.
const OTHER_DATE =
  /deadline|due|expir|birth|start|begin|end|until|valid|sign_?up|register|opened|closed|дедлайн|срок|начал|оконча|рожд|截止|开始|開始|结束|結束|生日|مهلت|شروع|پایان|تولد/iu;

/** How many first rows the guess reads, in the preview and in an import alike. */
export const GUESS_SAMPLE_ROWS = 20;

/** A proposed mapping, with what the guess wants the user to know (columns it chose between, columns it set aside). */
export interface MappingGuess {
  mapping: ImportMappingInput;
  notes: string[];
  /** The notes as codes with values, worded from the catalogues by each screen and the CLI. */
  codes: GuessNote[];
}

/**
 * Proposes a mapping from a header and sample rows — the one guess the upload preview, the API and `cjm
 * import-events` all make: by header name first (in all five languages and the pm4py/XES names), then by what the
 * values look like. Of several date columns the event's time wins: a name that says so, then one that changes within
 * each customer's rows, never a deadline, start or birth date. One identifier of each kind: a second customer-like
 * column stays a property, with a note, since two identifier columns would stitch customers together. Columns it
 * cannot place become properties. The caller validates the result with ImportMappingSchema and shows what is missing.
 */
export function guessMapping(header: string[], rows: string[][]): MappingGuess {
  const notes: string[] = [];
  const codes: GuessNote[] = [];
  const normalized = (name: string) => name.trim().replace(/\s+/g, "_");
  const values = (i: number) => rows.map((r) => r[i] ?? "");
  const named = header.map(
    (name) => RULES.find((r) => r.names.test(name.trim()) || r.names.test(normalized(name)))?.role,
  );
  const roles = header.map((_, i) => named[i] ?? roleFromValues(values(i)));

  // Identifiers first (the time check needs them): one column per kind.
  const kinds = new Map<string, string>();
  roles.forEach((role, i) => {
    if (role?.role !== "identifier") return;
    const kind = role.kind ?? "customerId";
    const first = kinds.get(kind);
    if (first === undefined) return void kinds.set(kind, header[i]!);
    roles[i] = undefined;
    codes.push({ code: "secondIdentifier", values: { column: header[i]!, kind, first } });
    notes.push(
      `"${header[i]}" also looks like a ${kind} identifier; it is kept as a property, since a second identifier column would stitch customers together by it. Make it an identifier only if it names the same customer as "${first}"`,
    );
  });
  const idColumns = roles.flatMap((r, i) => (r?.role === "identifier" ? [i] : []));
  const cases = rows.map((r) => idColumns.map((i) => r[i] ?? "").join("\u0000"));

  // Of the date columns, the event's time.
  const dates = roles.flatMap((r, i) => (r?.role === "timestamp" ? [i] : []));
  const rank = (i: number) => {
    const name = normalized(header[i]!);
    if (EVENT_TIME.test(name)) return 3;
    if (OTHER_DATE.test(name)) return 0;
    return named[i] ? 2 : 1;
  };
  const changes = (i: number) => (idColumns.length && isConstantPerCase(values(i), cases) ? 0 : 1);
  const best = [...dates].sort((a, b) => changes(b) - changes(a) || rank(b) - rank(a) || a - b)[0];
  for (const i of dates) {
    if (i === best) continue;
    roles[i] = undefined;
    notes.push(`"${header[i]}" holds dates too; the event's time is taken from "${header[best!]}"`);
    codes.push({ code: "otherDate", values: { column: header[i]!, time: header[best!]! } });
  }

  const taken = new Set<string>();
  const single = new Set(["timestamp", "event", "channel", "text", "scoreKind", "score"]);
  const columns: Record<string, ColumnRole> = {};
  header.forEach((name, i) => {
    let role = roles[i];
    // A second event column (pm4py exports repeat the activity) or score column is kept as a property.
    if (role && single.has(role.role) && taken.has(role.role)) role = undefined;
    if (role && role.role !== "identifier") taken.add(role.role);
    columns[name] = role ?? { role: "property" };
  });
  return { mapping: { columns }, notes, codes };
}
