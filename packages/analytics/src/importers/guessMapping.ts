import type { ColumnRole, ImportMappingInput } from "./ImportMappingSchema.js";

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

/**
 * Proposes a mapping from a header and sample rows: by header name first (in all five languages and the pm4py/XES
 * names), then by what the values look like. Columns it cannot place become properties. The result may still be
 * incomplete (no timestamp found, say); the caller validates it with ImportMappingSchema and shows what is missing.
 */
export function guessMapping(header: string[], rows: string[][]): ImportMappingInput {
  const columns: Record<string, ColumnRole> = {};
  const taken = new Set<string>();
  const single = new Set(["timestamp", "event", "channel", "text", "scoreKind"]);
  header.forEach((name, i) => {
    const normalized = name.trim().replace(/\s+/g, "_");
    let role = RULES.find((r) => r.names.test(name.trim()) || r.names.test(normalized))?.role;
    role ??= roleFromValues(rows.map((r) => r[i] ?? ""));
    // A second timestamp or event column (pm4py exports repeat the activity) is kept as a property.
    if (role && single.has(role.role) && taken.has(role.role)) role = undefined;
    if (role?.role === "score" && taken.has("score")) role = undefined;
    if (role) taken.add(role.role);
    columns[name] = role ?? { role: "property" };
  });
  return { columns };
}
