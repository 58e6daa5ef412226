import {
  applyMapOperations,
  createMapDocument,
  docToSnapshot,
  MapSettingsSchema,
  newId,
  type MapOperation,
  type MapSnapshot,
} from "@opencjm/core";
import iconv from "iconv-lite";

/**
 * A small multi-source data set with known answers, written the way real exports are: the web shop's events in
 * GB18030 with Chinese headers and event names, the support desk's in Windows-1256 with Persian headers and
 * comments (Arabic ي and ك, as Windows-1256 writes them). 100 customers, known by e-mail in both files:
 *
 * - every customer opens the home page (首页); customers 0–59 view a product (商品页);
 * - customers 0–29 and 90–99 check out (结账): 90–99 skip the product step;
 * - customers 0–19 call support a day later, with a CSAT score and a comment;
 * - customers 60–69 use a coupon (优惠券), an event on no touchpoint yet;
 * - customers 0–39 live in Iran (国家 = IR), the rest in Germany (DE).
 */
export const EVIDENCE_ANSWERS = {
  all: { home: 100, product: 60, checkout: 40, support: 20 },
  iran: { home: 40, product: 40, checkout: 30, support: 20 },
  skippers: 10,
  coupon: 10,
  webEvents: 100 + 60 + 40 + 10,
  supportEvents: 20,
} as const;

const at = (customer: number, minutes: number) =>
  new Date(Date.UTC(2024, 2, 1, 9, 0) + customer * 3600_000 + minutes * 60_000).toISOString().replace(".000Z", "Z");
const email = (c: number) => `customer${c}@example.test`;

/** The web shop's export: GB18030 bytes of a CSV with Chinese headers. */
export function webShopCsv(): Buffer {
  const rows = ["邮箱,时间,事件,页面,国家"];
  for (let c = 0; c < 100; c++) {
    const country = c < 40 ? "IR" : "DE";
    rows.push(`${email(c)},${at(c, 0)},首页,/,${country}`);
    if (c < 60) rows.push(`${email(c)},${at(c, 5)},商品页,/shoes/runner,${country}`);
    if (c >= 60 && c < 70) rows.push(`${email(c)},${at(c, 7)},优惠券,/coupon,${country}`);
    if (c < 30 || c >= 90) rows.push(`${email(c)},${at(c, 10)},结账,/checkout,${country}`);
  }
  return iconv.encode(`${rows.join("\r\n")}\r\n`, "gb18030");
}

/** The support desk's export: Windows-1256 bytes of a CSV with Persian headers and comments. */
export function supportCsv(): Buffer {
  // Windows-1256 has no Persian ی and ک: exports write the Arabic ي and ك, which the importer normalises.
  const rows = ["ايميل,زمان,رويداد,امتياز,نظر"];
  const comments = ["پشتيباني خيلي خوب بود", "خيلي منتظر ماندم", "مشكل من حل شد"];
  for (let c = 0; c < 20; c++)
    rows.push(`${email(c)},${at(c, 24 * 60 + 10)},تماس پشتيباني,${1 + (c % 5)},${comments[c % comments.length]}`);
  return iconv.encode(`${rows.join("\r\n")}\r\n`, "windows-1256");
}

/** A large export in the web shop's format (GB18030, Chinese headers): `rows` page views of made-up customers. */
export function largeWebShopCsv(rows: number): Buffer {
  const lines = ["邮箱,时间,事件,页面,国家"];
  for (let i = 0; i < rows; i++)
    lines.push(`bulk${i % 50_000}@example.test,${at(i % 1000, i % 50)},首页,/landing/${i % 97},DE`);
  return iconv.encode(`${lines.join("\r\n")}\r\n`, "gb18030");
}

/** A ragged CSV: its third data row has one column too many. */
export function raggedCsv(): Buffer {
  return Buffer.from(
    `email,ts,event\n${email(1)},2024-01-01T10:00:00Z,a\n${email(2)},2024-01-01T10:00:00Z,b\n${email(3)},2024-01-01T10:00:00Z,c,extra\n`,
  );
}

/** A PNG with a .csv name. */
export function binaryCsv(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from("IHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", "binary"),
  ]);
}

/** The ids of the map built by `evidenceMap`. */
export interface EvidenceMapIds {
  stages: { visit: string; buy: string; after: string };
  steps: { home: string; product: string; checkout: string; support: string };
  lanes: { touchpoints: string; data: string; emotion: string; quotes: string };
}

/** A current-state map of the shop: Visit (home, product) → Buy (checkout) → After (support), one touchpoint per step. */
export function evidenceMap(
  touchpoints: { home: string; product: string; checkout: string; support: string },
  personaIds: string[] = [],
): { snapshot: MapSnapshot; ids: EvidenceMapIds } {
  const doc = createMapDocument(
    MapSettingsSchema.parse({ title: "Shop journey with data", type: "currentState", personaIds, locale: "en" }),
  );
  const ids: EvidenceMapIds = {
    stages: { visit: newId(), buy: newId(), after: newId() },
    steps: { home: newId(), product: newId(), checkout: newId(), support: newId() },
    lanes: { touchpoints: newId(), data: newId(), emotion: newId(), quotes: newId() },
  };
  const ops: MapOperation[] = [
    { op: "addLane", id: ids.lanes.touchpoints, type: "touchpoints", name: "Touchpoints" },
    { op: "addLane", id: ids.lanes.data, type: "data", name: "Data" },
    { op: "addLane", id: ids.lanes.emotion, type: "emotion", name: "Emotion" },
    { op: "addLane", id: ids.lanes.quotes, type: "quotes", name: "Quotes" },
    { op: "addStage", id: ids.stages.visit, name: "Visit" },
    { op: "addStep", id: ids.steps.home, stageId: ids.stages.visit, name: "Opens the home page" },
    { op: "addStep", id: ids.steps.product, stageId: ids.stages.visit, name: "Looks at a product" },
    { op: "addStage", id: ids.stages.buy, name: "Buy" },
    { op: "addStep", id: ids.steps.checkout, stageId: ids.stages.buy, name: "Checks out" },
    { op: "addStage", id: ids.stages.after, name: "After" },
    { op: "addStep", id: ids.steps.support, stageId: ids.stages.after, name: "Calls support" },
  ] as MapOperation[];
  for (const key of ["home", "product", "checkout", "support"] as const)
    ops.push({
      op: "addCard",
      laneId: ids.lanes.touchpoints,
      stepId: ids.steps[key],
      card: { kind: "touchpoint", touchpointId: touchpoints[key] },
    } as MapOperation);
  applyMapOperations(doc, ops);
  return { snapshot: docToSnapshot(doc), ids };
}
