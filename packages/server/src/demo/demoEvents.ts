import { seededRandom, type ImportMappingInput } from "@opencjm/analytics";

/** The demo's four exports, as CSV text, and how many events each holds. */
export interface DemoEventFiles {
  files: Record<DemoSourceKey, string>;
  events: Record<DemoSourceKey, number>;
}

/** The demo's four systems. */
export type DemoSourceKey = "web" | "crm" | "support" | "survey";

/** The demo sources: a name, the kind of system, and the mapping a user would save for its export. */
export const DEMO_SOURCES: Record<
  DemoSourceKey,
  { name: string; kind: "web" | "crm" | "support" | "survey"; mapping: ImportMappingInput }
> = {
  web: {
    name: "Web analytics (shop)",
    kind: "web",
    mapping: {
      columns: {
        cookie_id: { role: "identifier", kind: "cookie" },
        email: { role: "identifier", kind: "email" },
        timestamp: { role: "timestamp" },
        event: { role: "event" },
        page: { role: "property" },
        utm_source: { role: "property" },
        device: { role: "property" },
      },
      channel: "web",
    },
  },
  crm: {
    name: "CRM and e-mail",
    kind: "crm",
    mapping: {
      columns: {
        email: { role: "identifier", kind: "email" },
        phone: { role: "identifier", kind: "phone" },
        time: { role: "timestamp" },
        event: { role: "event" },
        channel: { role: "channel" },
        country: { role: "attribute" },
        loyalty: { role: "attribute" },
        device: { role: "attribute" },
        age_band: { role: "attribute" },
      },
    },
  },
  support: {
    name: "Service desk and carrier",
    kind: "support",
    mapping: {
      columns: {
        phone: { role: "identifier", kind: "phone" },
        email: { role: "identifier", kind: "email" },
        opened: { role: "timestamp" },
        event: { role: "event" },
        channel: { role: "channel" },
        note: { role: "text" },
      },
    },
  },
  survey: {
    name: "Surveys",
    kind: "survey",
    mapping: {
      columns: {
        email: { role: "identifier", kind: "email" },
        answered_at: { role: "timestamp" },
        survey: { role: "event" },
        score: { role: "score" },
        scale: { role: "scoreKind" },
        comment: { role: "text" },
      },
      channel: "survey",
    },
  },
};

/** Feedback in the five UI languages, good and bad, by where in the journey it was written. */
const FEEDBACK = {
  checkout: {
    bad: [
      "Delivery cost only showed up at the very end",
      "结账时才看到运费，太让人失望了",
      "結帳時才看到運費，太讓人失望了",
      "Стоимость доставки показали только в самом конце",
      "هزینهٔ ارسال را فقط در آخر نشان دادند، خیلی بد بود",
    ],
    good: [
      "Paying with PayPal was quick and easy",
      "用贝宝付款又快又方便",
      "用 PayPal 付款又快又方便",
      "Оплата через PayPal была быстрой и удобной",
      "پرداخت سریع و آسان بود",
    ],
  },
  delivery: {
    bad: [
      "Tracking said nothing for two days",
      "物流信息两天都没有更新，很着急",
      "物流資訊兩天都沒有更新，很著急",
      "Отслеживание два дня ничего не показывало",
      "پیگیری مرسوله دو روز هیچ خبری نداشت",
    ],
    good: [
      "Picking up at the parcel shop was easy",
      "在驿站取件很方便，服务很好",
      "在超商取貨很方便，服務很好",
      "Забрать посылку в пункте выдачи было легко",
      "تحویل گرفتن از فروشگاه خیلی راحت و عالی بود",
    ],
  },
  review: {
    bad: [
      "The shoes run small, I had to return them",
      "鞋码偏小，只好退货",
      "鞋碼偏小，只好退貨",
      "Обувь маломерит, пришлось вернуть",
      "کفش‌ها کوچک بودند و مجبور شدم پس بدهم",
    ],
    good: [
      "Great shoes, I love running in them",
      "鞋子很棒，跑步很舒服，推荐",
      "鞋子很棒，跑步很舒服，推薦",
      "Отличные кроссовки, бегать в них одно удовольствие",
      "کفش‌های عالی، دویدن با آن‌ها لذت‌بخش است",
    ],
  },
  support: {
    bad: [
      "I waited far too long for an answer",
      "等了太久才有人回复",
      "等了太久才有人回覆",
      "Слишком долго ждал ответа",
      "خیلی منتظر پاسخ ماندم",
    ],
    good: [
      "Support solved my problem quickly",
      "客服很快解决了我的问题",
      "客服很快解決了我的問題",
      "Поддержка быстро решила мою проблему",
      "پشتیبانی مشکل من را سریع حل کرد",
    ],
  },
};

const COUNTRIES = ["DE", "DE", "DE", "AT", "CH", "NL", "FR", "PL", "CN", "TW", "RU", "IR"];
const UTM = ["instagram", "google", "newsletter", "direct"];
const YEAR_START = Date.UTC(2025, 0, 1);
/**
 * The demo's shipped idea ("Show delivery cost and date on the product page") went live on this day: carts started
 * from then on are abandoned less (mobile 68 % → 50 %, desktop 38 % → 28 %), the effect the idea's KPI measures.
 */
export const DEMO_SHIP_DATE = Date.UTC(2025, 6, 1);
/**
 * From this day the carrier is slower (pick-up two days later) and delivery comments turn sour (70 % → 40 % good):
 * the drift the demo map flags on "Tracks the parcel" and "Picks up at the parcel shop".
 */
export const DEMO_CARRIER_DRIFT_DATE = Date.UTC(2025, 10, 1);

const csv = (cells: Array<string | number | undefined>) =>
  cells
    .map((c) =>
      c === undefined ? "" : typeof c === "number" ? String(c) : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c,
    )
    .join(",");
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";

/**
 * Generates the demo's multi-channel event data for the running-shoes map: a year of journeys of `customers` people
 * from ad to review, seen by four systems that know them by different identifiers (the shop by cookie and, after a
 * login, e-mail; the CRM by e-mail with phone and attributes; the service desk and carrier by phone; surveys by
 * e-mail with CSAT, NPS and CES scores and comments in five languages). Mobile shoppers abandon more carts, as the
 * map's goal says. Seeded: the same seed gives the same bytes; customers are added in slices so a server can keep
 * answering while it generates them.
 */
export function createDemoEventWriter(seed = 2025): {
  addCustomers(from: number, to: number): void;
  result(): DemoEventFiles;
} {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: Record<DemoSourceKey, string[]> = {
    web: ["cookie_id,email,timestamp,event,page,utm_source,device"],
    crm: ["email,phone,time,event,channel,country,loyalty,device,age_band"],
    support: ["phone,email,opened,event,channel,note"],
    survey: ["email,answered_at,survey,score,scale,comment"],
  };
  const feedback = (where: keyof typeof FEEDBACK, good: boolean) => pick(FEEDBACK[where][good ? "good" : "bad"]);
  const addCustomers = (from: number, to: number) => {
    for (let c = from; c < to; c++) {
      const mobile = rnd() < 0.62;
      const device = mobile ? "mobile" : "desktop";
      const email = `shopper${c}@mail.example`;
      const phone = `49170${String(c).padStart(7, "0")}`;
      const cookie = `ck${c.toString(36)}${Math.floor(rnd() * 1e6).toString(36)}`;
      const country = pick(COUNTRIES);
      let t =
        YEAR_START +
        Math.floor(rnd() * 330) * 86_400_000 +
        (7 + Math.floor(rnd() * 15)) * 3_600_000 +
        Math.floor(rnd() * 3_600_000);
      const web = (event: string, page: string, withEmail = false) => {
        t += (20 + Math.floor(rnd() * 400)) * 1000;
        out.web.push(csv([cookie, withEmail ? email : undefined, iso(t), event, page, pick(UTM), device]));
      };
      // Discover: an Instagram ad or a search ad (the map draws them as parallel steps).
      web(rnd() < 0.56 ? "instagram_ad_click" : "search_ad_click", "/");
      if (rnd() < 0.12) continue; // bounced from the landing page
      // Browse: product pages, sometimes in loops, and the size guide.
      let views = 1 + (rnd() < 0.35 ? 1 : 0) + (rnd() < 0.15 ? 1 : 0);
      while (views-- > 0) web("product_view", "/shoes/runner-2");
      if (rnd() < 0.55) web("size_guide_open", "/size-guide");
      if (rnd() < 0.08) web("blog_article_view", "/blog/first-half-marathon");
      if (rnd() < (mobile ? 0.5 : 0.62)) continue;
      // Signed-in shoppers' carts carry their e-mail, so an abandoned cart can be followed up with a survey.
      const signedIn = rnd() < 0.4;
      web("add_to_cart", "/cart", signedIn);
      // Checkout: mobile carts are abandoned far more often (the map's goal: 68 %).
      const shipped = t >= DEMO_SHIP_DATE;
      const abandon = mobile ? (shipped ? 0.5 : 0.68) : shipped ? 0.28 : 0.38;
      if (rnd() < abandon) {
        if (signedIn && rnd() < 0.5)
          out.survey.push(
            csv([
              email,
              Math.floor(t / 1000) + 3600,
              "cart_abandon_survey",
              3 + Math.floor(rnd() * 5),
              "ces",
              feedback("checkout", false),
            ]),
          );
        continue;
      }
      web("checkout_start", "/checkout", true);
      web("payment_completed", "/checkout/done", true);
      const payed = t;
      if (rnd() < 0.4)
        out.survey.push(
          csv([
            email,
            Math.floor(payed / 1000) + 600,
            "checkout_survey",
            1 + Math.floor(rnd() * 4),
            "ces",
            feedback("checkout", rnd() < 0.55),
          ]),
        );
      // The CRM sends the order e-mail and knows the account: its phone (mostly) and attributes for segments.
      out.crm.push(
        csv([
          email.toUpperCase(),
          rnd() < 0.92 ? `+49 170 ${phone.slice(5)}` : undefined,
          iso(payed + 120_000),
          "order_email_open",
          "email",
          country,
          pick(["new", "new", "member", "gold"]),
          device,
          pick(["18-24", "25-34", "25-34", "35-44", "45-54", "55+"]),
        ]),
      );
      // Delivery: tracking, sometimes a call to the service desk, pick-up at the parcel shop.
      t = payed + (1 + Math.floor(rnd() * 2)) * 86_400_000;
      let tracked = 1 + Math.floor(rnd() * 3);
      while (tracked-- > 0) web("tracking_view", "/track", true);
      if (rnd() < 0.14) {
        t += 3_600_000;
        out.support.push(
          csv([
            phone,
            rnd() < 0.4 ? email : undefined,
            iso(t),
            "ticket_opened",
            "phone",
            feedback("support", rnd() < 0.45),
          ]),
        );
      }
      // The same draws before and after the drift, so the rest of the data stays as it was.
      const slowCarrier = t >= DEMO_CARRIER_DRIFT_DATE;
      t += ((slowCarrier ? 3 : 1) + Math.floor(rnd() * 3)) * 86_400_000;
      out.support.push(csv([phone, undefined, iso(t), "parcel_pickup", "store", undefined]));
      if (rnd() < 0.35)
        out.survey.push(
          csv([
            email,
            Math.floor(t / 1000) + 7200,
            "delivery_survey",
            rnd() < 0.7 ? 4 + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3),
            "csat",
            feedback("delivery", rnd() < (slowCarrier ? 0.4 : 0.7)),
          ]),
        );
      // After purchase: some return a pair, many are asked for a review.
      if (rnd() < 0.22) {
        t += (2 + Math.floor(rnd() * 5)) * 86_400_000;
        web("return_label_printed", "/returns", true);
      }
      if (rnd() < 0.7) {
        t += 10 * 86_400_000;
        out.crm.push(
          csv([email, undefined, iso(t), "review_email_click", "email", undefined, undefined, undefined, undefined]),
        );
        if (rnd() < 0.45) {
          const promoter = rnd() < 0.6;
          out.survey.push(
            csv([
              email,
              Math.floor(t / 1000) + 1800,
              "nps_survey",
              promoter ? 9 + Math.floor(rnd() * 2) : Math.floor(rnd() * 7),
              "nps",
              feedback("review", promoter),
            ]),
          );
        }
      }
    }
  };
  const result = (): DemoEventFiles => ({
    files: Object.fromEntries(Object.entries(out).map(([k, rows]) => [k, `${rows.join("\n")}\n`])) as Record<
      DemoSourceKey,
      string
    >,
    events: Object.fromEntries(Object.entries(out).map(([k, rows]) => [k, rows.length - 1])) as Record<
      DemoSourceKey,
      number
    >,
  });
  return { addCustomers, result };
}

/** The demo data for `customers` people at once (see createDemoEventWriter). */
export function generateDemoEvents(customers: number, seed = 2025): DemoEventFiles {
  const writer = createDemoEventWriter(seed);
  writer.addCustomers(0, customers);
  return writer.result();
}

/** Which demo events are which touchpoint of the demo catalogue (keys of DEMO_TOUCHPOINTS). */
export const DEMO_RULES: Array<{ touchpoint: string; eventNames: string[]; channel?: string }> = [
  { touchpoint: "instagramAd", eventNames: ["instagram_ad_click"] },
  { touchpoint: "searchAd", eventNames: ["search_ad_click"] },
  { touchpoint: "productPage", eventNames: ["product_view"] },
  { touchpoint: "sizeGuide", eventNames: ["size_guide_open"] },
  { touchpoint: "cart", eventNames: ["add_to_cart", "cart_abandon_survey"] },
  { touchpoint: "checkout", eventNames: ["checkout_start", "payment_completed", "checkout_survey"] },
  { touchpoint: "orderEmail", eventNames: ["order_email_open"] },
  { touchpoint: "trackingPage", eventNames: ["tracking_view"] },
  { touchpoint: "parcelShop", eventNames: ["parcel_pickup", "delivery_survey"] },
  { touchpoint: "returns", eventNames: ["return_label_printed"] },
  { touchpoint: "reviewRequest", eventNames: ["review_email_click", "nps_survey"] },
  { touchpoint: "supportTicket", eventNames: ["ticket_opened"] },
];
