import { L } from "./localized.js";
import type { TemplateDefinition } from "./templateDefinition.js";

/** The five moments of truth: stimulus, ZMOT, FMOT, SMOT, TMOT. */
export const momentsOfTruth: TemplateDefinition = {
  id: "moments-of-truth",
  mapType: "currentState",
  name: L("Five moments of truth", "五個關鍵時刻", "五个关键时刻", "Пять моментов истины", "پنج لحظه حقیقت"),
  description: L(
    "Stimulus, zero, first, second and ultimate moments of truth, where opinions are formed.",
    "刺激、零、第一、第二與終極關鍵時刻——顧客形成看法的地方。",
    "刺激、零、第一、第二与终极关键时刻——顾客形成看法的地方。",
    "Стимул, нулевой, первый, второй и окончательный моменты истины — где складывается мнение.",
    "محرک و لحظه‌های حقیقتِ صفر، اول، دوم و نهایی — جایی که نظر مشتری شکل می‌گیرد.",
  ),
  lanes: ["momentsOfTruth", "actions", "touchpoints", "thoughts", "emotion", "painPoints", "opportunities"],
  stages: [
    {
      name: L("Stimulus", "刺激", "刺激", "Стимул", "محرک"),
      color: "#5b8def",
      steps: [{ name: L("Sees an ad", "看到廣告", "看到广告", "Видит рекламу", "تبلیغ را می‌بیند") }],
    },
    {
      name: L("Zero moment of truth", "零關鍵時刻", "零关键时刻", "Нулевой момент истины", "لحظه صفر حقیقت"),
      color: "#8e6cef",
      steps: [
        {
          name: L(
            "Researches online",
            "上網研究",
            "上网研究",
            "Изучает информацию в интернете",
            "به‌صورت آنلاین تحقیق می‌کند",
          ),
          cards: [
            {
              lane: "momentsOfTruth",
              text: L(
                "Reviews and search results decide the shortlist",
                "評價與搜尋結果決定候選名單",
                "评价与搜索结果决定候选名单",
                "Отзывы и поиск формируют шорт-лист",
                "نظرها و نتایج جست‌وجو فهرست نهایی را می‌سازند",
              ),
              card: (note) => ({ kind: "momentOfTruth", moment: "ZMOT", note }),
            },
          ],
        },
      ],
    },
    {
      name: L("First moment of truth", "第一關鍵時刻", "第一关键时刻", "Первый момент истины", "لحظه اول حقیقت"),
      color: "#f2a93b",
      steps: [
        {
          name: L("Meets the product", "接觸產品", "接触产品", "Видит продукт вживую", "با محصول روبه‌رو می‌شود"),
          // The first moment of truth is where the shopper buys; using and sharing come after.
          goal: true,
          cards: [
            {
              lane: "momentsOfTruth",
              text: L(
                "The shelf or the product page makes the first impression",
                "貨架或商品頁留下第一印象",
                "货架或商品页留下第一印象",
                "Полка или страница товара создают первое впечатление",
                "قفسه یا صفحه محصول نخستین برداشت را می‌سازد",
              ),
              card: (note) => ({ kind: "momentOfTruth", moment: "FMOT", note }),
            },
          ],
        },
      ],
    },
    {
      name: L("Second moment of truth", "第二關鍵時刻", "第二关键时刻", "Второй момент истины", "لحظه دوم حقیقت"),
      color: "#e8684a",
      steps: [
        {
          name: L("Uses the product", "使用產品", "使用产品", "Пользуется продуктом", "از محصول استفاده می‌کند"),
          cards: [
            {
              lane: "momentsOfTruth",
              text: L(
                "Does it keep the promise?",
                "它兌現承諾了嗎？",
                "它兑现承诺了吗？",
                "Выполняет ли продукт обещание?",
                "آیا به وعده‌اش عمل می‌کند؟",
              ),
              card: (note) => ({ kind: "momentOfTruth", moment: "SMOT", note }),
            },
          ],
        },
      ],
    },
    {
      name: L(
        "Ultimate moment of truth",
        "終極關鍵時刻",
        "终极关键时刻",
        "Окончательный момент истины",
        "لحظه نهایی حقیقت",
      ),
      color: "#3bb273",
      steps: [
        {
          name: L("Shares the experience", "分享體驗", "分享体验", "Делится опытом", "تجربه‌اش را به اشتراک می‌گذارد"),
          cards: [
            {
              lane: "momentsOfTruth",
              text: L(
                "Their review becomes the next customer's ZMOT",
                "他的評價成為下一位顧客的零關鍵時刻",
                "他的评价成为下一位顾客的零关键时刻",
                "Их отзыв становится нулевым моментом истины для следующего клиента",
                "نظر او لحظه صفرِ مشتری بعدی می‌شود",
              ),
              card: (note) => ({ kind: "momentOfTruth", moment: "TMOT", note }),
            },
          ],
        },
      ],
    },
  ],
};

/** A B2B purchase with a buying committee. */
export const b2bBuyingCommittee: TemplateDefinition = {
  id: "b2b-buying-committee",
  mapType: "currentState",
  name: L(
    "B2B purchase with a buying committee",
    "B2B 採購（含採購委員會）",
    "B2B 采购（含采购委员会）",
    "B2B-закупка с закупочным комитетом",
    "خرید سازمانی با کمیته خرید",
  ),
  description: L(
    "From a business need to a signed contract, with everyone who has a say.",
    "從業務需求到簽約，涵蓋每一位有發言權的人。",
    "从业务需求到签约，涵盖每一位有发言权的人。",
    "От бизнес-потребности до подписанного договора — со всеми, кто влияет на решение.",
    "از نیاز کسب‌وکار تا قرارداد امضاشده، با همه کسانی که در تصمیم نقش دارند.",
  ),
  lanes: ["actions", "stakeholders", "touchpoints", "thoughts", "emotion", "painPoints", "risks", "opportunities"],
  stages: [
    {
      name: L("Problem identification", "發現問題", "发现问题", "Осознание проблемы", "شناسایی مشکل"),
      color: "#5b8def",
      steps: [
        {
          name: L(
            "Raises the need internally",
            "在內部提出需求",
            "在内部提出需求",
            "Поднимает вопрос внутри компании",
            "نیاز را درون سازمان مطرح می‌کند",
          ),
        },
      ],
    },
    {
      name: L("Solution exploration", "探索方案", "探索方案", "Поиск решений", "کاوش راه‌حل‌ها"),
      color: "#8e6cef",
      steps: [
        {
          name: L(
            "Builds a long list of vendors",
            "列出供應商長名單",
            "列出供应商长名单",
            "Составляет длинный список поставщиков",
            "فهرست بلند تأمین‌کنندگان را تهیه می‌کند",
          ),
        },
      ],
    },
    {
      name: L("Requirements and evaluation", "需求與評估", "需求与评估", "Требования и оценка", "الزامات و ارزیابی"),
      color: "#f2a93b",
      steps: [
        {
          name: L(
            "Runs demos and a pilot",
            "安排展示與試點",
            "安排演示与试点",
            "Проводит демо и пилот",
            "دمو و آزمایش اولیه اجرا می‌کند",
          ),
        },
        {
          name: L(
            "Security and legal review",
            "資安與法務審查",
            "安全与法务审查",
            "Проверка безопасности и юристами",
            "بازبینی امنیتی و حقوقی",
          ),
          parallel: true,
        },
      ],
    },
    {
      name: L("Decision and purchase", "決策與採購", "决策与采购", "Решение и закупка", "تصمیم و خرید"),
      color: "#e8684a",
      steps: [
        {
          name: L(
            "Committee decides",
            "委員會做出決定",
            "委员会做出决定",
            "Комитет принимает решение",
            "کمیته تصمیم می‌گیرد",
          ),
        },
        {
          name: L(
            "Procurement signs",
            "採購部簽約",
            "采购部签约",
            "Отдел закупок подписывает договор",
            "واحد خرید قرارداد را امضا می‌کند",
          ),
          goal: true,
        },
      ],
    },
    {
      name: L("Onboarding", "導入", "导入", "Внедрение", "راه‌اندازی"),
      color: "#3bb273",
      steps: [
        {
          name: L(
            "Rolls out to the team",
            "推廣到團隊",
            "推广到团队",
            "Разворачивает для команды",
            "برای تیم راه‌اندازی می‌کند",
          ),
        },
      ],
    },
  ],
};

/** Onboarding in a SaaS product, up to the first value and the renewal. */
export const saasOnboarding: TemplateDefinition = {
  id: "saas-onboarding",
  mapType: "currentState",
  name: L("SaaS onboarding", "SaaS 新用戶導入", "SaaS 新用户引导", "Онбординг в SaaS", "آشناسازی کاربران SaaS"),
  description: L(
    "From sign-up to the first moment of value, habit and renewal.",
    "從註冊到第一次感受到價值、養成習慣與續約。",
    "从注册到第一次感受到价值、养成习惯与续费。",
    "От регистрации до первой ценности, привычки и продления.",
    "از ثبت‌نام تا نخستین لحظه ارزش، عادت و تمدید.",
  ),
  lanes: ["actions", "touchpoints", "thoughts", "emotion", "painPoints", "kpis", "opportunities"],
  stages: [
    {
      name: L("Sign-up", "註冊", "注册", "Регистрация", "ثبت‌نام"),
      color: "#5b8def",
      steps: [
        { name: L("Creates an account", "建立帳號", "创建账号", "Создаёт аккаунт", "حساب کاربری می‌سازد") },
        { name: L("Confirms e-mail", "驗證電子郵件", "验证电子邮件", "Подтверждает e-mail", "ایمیل را تأیید می‌کند") },
      ],
    },
    {
      name: L("Setup", "設定", "设置", "Настройка", "پیکربندی"),
      color: "#8e6cef",
      steps: [
        { name: L("Imports data", "匯入資料", "导入数据", "Импортирует данные", "داده‌ها را وارد می‌کند") },
        {
          name: L("Invites colleagues", "邀請同事", "邀请同事", "Приглашает коллег", "همکاران را دعوت می‌کند"),
          parallel: true,
        },
      ],
    },
    {
      name: L("First value", "首次價值", "首次价值", "Первая ценность", "نخستین ارزش"),
      color: "#f2a93b",
      steps: [
        {
          name: L(
            "Completes the first task",
            "完成第一個任務",
            "完成第一个任务",
            "Выполняет первую задачу",
            "نخستین کار را انجام می‌دهد",
          ),
          // Onboarding is done at the first value; habit and renewal are measured as retention, not onboarding drop-off.
          goal: true,
        },
      ],
    },
    {
      name: L("Habit", "習慣", "习惯", "Привычка", "عادت"),
      color: "#e8684a",
      steps: [
        { name: L("Comes back weekly", "每週回訪", "每周回访", "Возвращается каждую неделю", "هر هفته برمی‌گردد") },
      ],
    },
    {
      name: L("Renewal", "續約", "续费", "Продление", "تمدید"),
      color: "#3bb273",
      steps: [
        {
          name: L(
            "Upgrades or renews",
            "升級或續約",
            "升级或续费",
            "Переходит на старший тариф или продлевает",
            "ارتقا می‌دهد یا تمدید می‌کند",
          ),
        },
      ],
    },
  ],
};
