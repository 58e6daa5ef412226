import type { EventDatabase } from "../../engines/duckdb/openEventDatabase.js";

/** Shape of a synthetic event log: how many customers and events, and what the events look like. */
export interface SyntheticEventsSpec {
  customers: number;
  events: number;
  /** Event names in the order a typical journey meets them; journeys mostly move forward through this list. */
  eventNames: string[];
  channels?: string[];
  /** Percent of events with a score (kinds csat 1–5, nps 0–10, ces 1–7) and with a free text. */
  scorePercent?: number;
  textPercent?: number;
  /** Percent of events with properties ({"page": "/p0"…"/p4", "amount": "0"…"999"}). */
  propertiesPercent?: number;
  seed?: number;
}

/** Short customer comments in the five languages, positive, negative and neutral. */
const TEXTS = [
  "Great service, thanks!",
  "The checkout was quick and easy",
  "Terrible experience, far too slow",
  "I waited an hour, very disappointed",
  "Order number 12345",
  "客服很专业，我非常满意",
  "送货太慢了，我很失望",
  "價格太貴了，很失望",
  "這個產品很好用",
  "Отличный сервис, спасибо",
  "Доставка была очень медленной",
  "Всё понятно и удобно",
  "پشتیبانی خیلی سریع بود، ممنون",
  "تحویل خیلی دیر انجام شد",
  "از خدمات راضی نیستم",
];

const list = (values: string[]) => `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}]`;

/**
 * Fills the event tables with a seeded synthetic log straight from DuckDB's range() (fast enough for 10⁸ rows):
 * customers get consecutive blocks of events about an hour apart, each event's name drawn near the customer's
 * progress through `eventNames` (so journeys mostly go forward, with skips, back-steps and repeats), plus optional
 * scores, texts and properties, and a customers table with country, plan and age attributes.
 */
export async function generateSyntheticEvents(db: EventDatabase, spec: SyntheticEventsSpec): Promise<void> {
  const seed = spec.seed ?? 1;
  const names = spec.eventNames;
  const channels = spec.channels ?? ["web", "app", "email", "phone"];
  const perCustomer = spec.events / spec.customers;
  // hash() is UBIGINT; shifted into BIGINT so modulo results index lists.
  const h = (salt: number) => `(hash(i, ${seed}, ${salt}) >> 1)::BIGINT`;
  // Customer c owns events floor(c * perCustomer) … : dense, ordered, with uneven lengths from rounding.
  await db.connection.run(`
    INSERT INTO events
    SELECT 'gen', 'gen', i + 1, i + 1, customer_id,
      TIMESTAMP '2024-01-01' + to_seconds((customer_id % 86400) * 60 + ordinal * 3600 + ${h(1)} % 2400),
      ${list(names)}[1 + least(${names.length - 1}, greatest(0, (ordinal * ${names.length} / greatest(1, ${perCustomer}))::INTEGER + (${h(2)} % 5)::INTEGER - 2))],
      CASE WHEN ${h(3)} % 10 = 0 THEN NULL ELSE ${list(channels)}[1 + ${h(4)} % ${channels.length}] END,
      CASE WHEN ${h(5)} % 100 < ${spec.scorePercent ?? 0} THEN (CASE ${h(6)} % 3 WHEN 0 THEN 1 + ${h(7)} % 5 WHEN 1 THEN ${h(7)} % 11 ELSE 1 + ${h(7)} % 7 END)::DOUBLE END,
      CASE WHEN ${h(5)} % 100 < ${spec.scorePercent ?? 0} THEN ['csat', 'NPS', 'ces'][1 + ${h(6)} % 3] END,
      CASE WHEN ${h(8)} % 100 < ${spec.textPercent ?? 0} THEN ${list(TEXTS)}[1 + ${h(9)} % ${TEXTS.length}] END,
      CASE WHEN ${h(10)} % 100 < ${spec.propertiesPercent ?? 0} THEN json_object('page', '/p' || (${h(11)} % 5), 'amount', (${h(12)} % 1000)::VARCHAR) END
    FROM (SELECT i, floor(i / ${perCustomer})::BIGINT AS raw FROM range(${spec.events}) t(i)) r,
         LATERAL (SELECT least(raw, ${spec.customers - 1})::INTEGER AS customer_id, (i - ceil(least(raw, ${spec.customers - 1}) * ${perCustomer}))::INTEGER AS ordinal)`);
  await db.connection.run(`
    INSERT INTO customers
    SELECT c, json_object('country', ['DE', 'US', 'CN', 'IR', 'RU'][1 + c % 5], 'plan', ['free', 'pro'][1 + (hash(c, ${seed}) >> 1)::BIGINT % 2], 'age', (18 + c % 60)::VARCHAR)
    FROM range(${spec.customers}) t(c)`);
}
