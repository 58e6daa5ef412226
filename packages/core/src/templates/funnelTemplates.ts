import { L } from "./localized.js";
import type { TemplateDefinition } from "./templateDefinition.js";

const standardLanes = ["actions", "touchpoints", "thoughts", "emotion", "painPoints", "opportunities"] as const;

/** Awareness → consideration → decision: the classic three-stage funnel. */
export const awarenessConsiderationDecision: TemplateDefinition = {
  id: "awareness-consideration-decision",
  mapType: "currentState",
  name: L(
    "Awareness, consideration, decision",
    "認知、考慮、決策",
    "认知、考虑、决策",
    "Осведомлённость, рассмотрение, решение",
    "آگاهی، بررسی، تصمیم",
  ),
  description: L(
    "The classic funnel: how a customer learns about you, weighs the options and decides.",
    "經典漏斗：顧客如何認識你、比較選擇並做出決定。",
    "经典漏斗：顾客如何认识你、比较选择并做出决定。",
    "Классическая воронка: как клиент узнаёт о вас, сравнивает варианты и принимает решение.",
    "قیف کلاسیک: مشتری چگونه با شما آشنا می‌شود، گزینه‌ها را می‌سنجد و تصمیم می‌گیرد.",
  ),
  lanes: [...standardLanes],
  stages: [
    {
      name: L("Awareness", "認知", "认知", "Осведомлённость", "آگاهی"),
      color: "#5b8def",
      steps: [
        { name: L("Notices the problem", "察覺問題", "察觉问题", "Замечает проблему", "متوجه مشکل می‌شود") },
        { name: L("Hears about us", "聽說我們", "听说我们", "Узнаёт о нас", "درباره ما می‌شنود") },
      ],
    },
    {
      name: L("Consideration", "考慮", "考虑", "Рассмотрение", "بررسی"),
      color: "#f2a93b",
      steps: [
        { name: L("Compares options", "比較選擇", "比较选择", "Сравнивает варианты", "گزینه‌ها را مقایسه می‌کند") },
        { name: L("Reads reviews", "閱讀評價", "阅读评价", "Читает отзывы", "نظرها را می‌خواند"), parallel: true },
      ],
    },
    {
      name: L("Decision", "決策", "决策", "Решение", "تصمیم"),
      color: "#3bb273",
      steps: [
        {
          name: L(
            "Chooses a provider",
            "選定供應商",
            "选定供应商",
            "Выбирает поставщика",
            "تأمین‌کننده را انتخاب می‌کند",
          ),
          goal: true,
        },
      ],
    },
  ],
};

/** Six stages from first awareness to advocacy. */
export const awarenessToAdvocacy: TemplateDefinition = {
  id: "awareness-to-advocacy",
  mapType: "currentState",
  name: L(
    "Awareness to advocacy",
    "從認知到推薦",
    "从认知到推荐",
    "От осведомлённости до рекомендации",
    "از آگاهی تا حمایت",
  ),
  description: L(
    "The full lifecycle in six stages, from first contact to buying again and recommending.",
    "六個階段的完整生命週期，從第一次接觸到回購與推薦。",
    "六个阶段的完整生命周期，从第一次接触到复购与推荐。",
    "Полный цикл в шести этапах: от первого контакта до повторной покупки и рекомендации.",
    "چرخه کامل در شش مرحله، از نخستین تماس تا خرید دوباره و توصیه به دیگران.",
  ),
  lanes: [...standardLanes, "expectations", "kpis"],
  stages: [
    {
      name: L("Awareness", "認知", "认知", "Осведомлённость", "آگاهی"),
      color: "#5b8def",
      steps: [
        {
          name: L(
            "Sees an ad or a post",
            "看到廣告或貼文",
            "看到广告或帖子",
            "Видит рекламу или пост",
            "تبلیغ یا پستی را می‌بیند",
          ),
        },
      ],
    },
    {
      name: L("Consideration", "考慮", "考虑", "Рассмотрение", "بررسی"),
      color: "#8e6cef",
      steps: [
        { name: L("Visits the website", "造訪網站", "访问网站", "Заходит на сайт", "از وب‌سایت بازدید می‌کند") },
        { name: L("Asks friends", "詢問朋友", "询问朋友", "Спрашивает друзей", "از دوستان می‌پرسد"), parallel: true },
      ],
    },
    {
      name: L("Decision", "決策", "决策", "Решение", "تصمیم"),
      color: "#f2a93b",
      steps: [{ name: L("Picks a plan", "選擇方案", "选择方案", "Выбирает тариф", "طرح را انتخاب می‌کند") }],
    },
    {
      name: L("Purchase", "購買", "购买", "Покупка", "خرید"),
      color: "#e8684a",
      steps: [
        { name: L("Pays", "付款", "付款", "Оплачивает", "پرداخت می‌کند"), goal: true },
        {
          name: L(
            "Receives confirmation",
            "收到確認",
            "收到确认",
            "Получает подтверждение",
            "تأییدیه را دریافت می‌کند",
          ),
        },
      ],
    },
    {
      name: L("Retention", "留存", "留存", "Удержание", "حفظ مشتری"),
      color: "#3bb273",
      steps: [
        { name: L("Uses the product", "使用產品", "使用产品", "Пользуется продуктом", "از محصول استفاده می‌کند") },
        { name: L("Contacts support", "聯絡客服", "联系客服", "Обращается в поддержку", "با پشتیبانی تماس می‌گیرد") },
      ],
    },
    {
      name: L("Advocacy", "推薦", "推荐", "Лояльность и рекомендации", "حمایت و توصیه"),
      color: "#2bb3c0",
      steps: [
        { name: L("Writes a review", "撰寫評價", "撰写评价", "Пишет отзыв", "نقد و نظر می‌نویسد") },
        { name: L("Recommends us", "推薦給他人", "推荐给他人", "Рекомендует нас", "ما را توصیه می‌کند") },
      ],
    },
  ],
};

/** AIDA (attention, interest, desire, action) followed by retention. */
export const aidaWithRetention: TemplateDefinition = {
  id: "aida-retention",
  mapType: "currentState",
  name: L("AIDA with retention", "AIDA 加留存", "AIDA 加留存", "AIDA с удержанием", "AIDA همراه با حفظ مشتری"),
  description: L(
    "Attention, interest, desire, action — and what keeps the customer coming back.",
    "注意、興趣、慾望、行動——以及讓顧客再回來的原因。",
    "注意、兴趣、欲望、行动——以及让顾客再回来的原因。",
    "Внимание, интерес, желание, действие — и то, что заставляет клиента вернуться.",
    "توجه، علاقه، میل، اقدام — و آنچه مشتری را دوباره بازمی‌گرداند.",
  ),
  lanes: [...standardLanes, "channels"],
  stages: [
    {
      name: L("Attention", "注意", "注意", "Внимание", "توجه"),
      color: "#5b8def",
      steps: [{ name: L("Catches the message", "注意到訊息", "注意到信息", "Замечает сообщение", "پیام را می‌بیند") }],
    },
    {
      name: L("Interest", "興趣", "兴趣", "Интерес", "علاقه"),
      color: "#8e6cef",
      steps: [{ name: L("Looks for details", "尋找細節", "寻找细节", "Ищет подробности", "دنبال جزئیات می‌گردد") }],
    },
    {
      name: L("Desire", "慾望", "欲望", "Желание", "میل"),
      color: "#f2a93b",
      steps: [
        {
          name: L(
            "Imagines using it",
            "想像使用情境",
            "想象使用情景",
            "Представляет, как будет пользоваться",
            "استفاده از آن را تصور می‌کند",
          ),
        },
      ],
    },
    {
      name: L("Action", "行動", "行动", "Действие", "اقدام"),
      color: "#e8684a",
      steps: [
        {
          name: L(
            "Buys or signs up",
            "購買或註冊",
            "购买或注册",
            "Покупает или регистрируется",
            "می‌خرد یا ثبت‌نام می‌کند",
          ),
          goal: true,
        },
      ],
    },
    {
      name: L("Retention", "留存", "留存", "Удержание", "حفظ مشتری"),
      color: "#3bb273",
      steps: [{ name: L("Comes back", "再次光臨", "再次光临", "Возвращается", "دوباره برمی‌گردد") }],
    },
  ],
};

/** Online shopping from discovery to return. */
export const ecommerce: TemplateDefinition = {
  id: "ecommerce",
  mapType: "currentState",
  name: L("E-commerce purchase", "電商購物", "电商购物", "Покупка в интернет-магазине", "خرید اینترنتی"),
  description: L(
    "An online shopper from discovery to delivery, returns and the next order.",
    "線上購物者從發現商品到收貨、退貨與下一次訂購。",
    "网购用户从发现商品到收货、退货与下一次下单。",
    "Онлайн-покупатель: от поиска товара до доставки, возврата и следующего заказа.",
    "خریدار آنلاین از پیدا کردن کالا تا تحویل، مرجوعی و سفارش بعدی.",
  ),
  lanes: [...standardLanes, "quotes", "duration"],
  stages: [
    {
      name: L("Discover", "發現", "发现", "Поиск", "کشف"),
      color: "#5b8def",
      steps: [{ name: L("Searches for a product", "搜尋商品", "搜索商品", "Ищет товар", "کالا را جست‌وجو می‌کند") }],
    },
    {
      name: L("Browse", "瀏覽", "浏览", "Выбор", "مرور"),
      color: "#8e6cef",
      steps: [
        { name: L("Compares products", "比較商品", "比较商品", "Сравнивает товары", "کالاها را مقایسه می‌کند") },
        {
          name: L(
            "Checks delivery options",
            "查看配送方式",
            "查看配送方式",
            "Смотрит варианты доставки",
            "گزینه‌های ارسال را بررسی می‌کند",
          ),
        },
      ],
    },
    {
      name: L("Checkout", "結帳", "结账", "Оформление", "تسویه‌حساب"),
      color: "#f2a93b",
      steps: [
        { name: L("Adds to cart", "加入購物車", "加入购物车", "Добавляет в корзину", "به سبد خرید اضافه می‌کند") },
        { name: L("Pays", "付款", "付款", "Оплачивает", "پرداخت می‌کند"), goal: true },
      ],
    },
    {
      name: L("Delivery", "配送", "配送", "Доставка", "تحویل"),
      color: "#e8684a",
      steps: [
        { name: L("Tracks the parcel", "追蹤包裹", "追踪包裹", "Отслеживает посылку", "مرسوله را پیگیری می‌کند") },
        { name: L("Receives the order", "收到訂單", "收到订单", "Получает заказ", "سفارش را تحویل می‌گیرد") },
      ],
    },
    {
      name: L("After purchase", "購後", "购后", "После покупки", "پس از خرید"),
      color: "#3bb273",
      steps: [
        {
          name: L(
            "Returns or reviews",
            "退貨或評價",
            "退货或评价",
            "Возвращает или оставляет отзыв",
            "مرجوع می‌کند یا نظر می‌دهد",
          ),
        },
      ],
    },
  ],
};
