import type { Localized } from "../locale.js";
import type { LaneType } from "../schemas/lane.js";
import { L } from "./localized.js";

/** Default lane titles in every UI language. */
export const LANE_NAMES: Record<LaneType, Localized> = {
  text: L("Notes", "備註", "备注", "Заметки", "یادداشت‌ها"),
  actions: L("Customer actions", "顧客行動", "顾客行动", "Действия клиента", "اقدامات مشتری"),
  thoughts: L("Thoughts and questions", "想法與疑問", "想法与疑问", "Мысли и вопросы", "افکار و پرسش‌ها"),
  touchpoints: L("Touchpoints", "接觸點", "接触点", "Точки контакта", "نقاط تماس"),
  channels: L("Channels", "管道", "渠道", "Каналы", "کانال‌ها"),
  emotion: L("Emotions", "情緒曲線", "情绪曲线", "Эмоции", "احساسات"),
  quotes: L("Customer quotes", "顧客原話", "顾客原话", "Цитаты клиентов", "نقل‌قول‌های مشتری"),
  painPoints: L("Pain points", "痛點", "痛点", "Болевые точки", "نقاط درد"),
  opportunities: L("Opportunities", "機會", "机会", "Возможности", "فرصت‌ها"),
  kpis: L("KPIs", "關鍵指標", "关键指标", "KPI", "شاخص‌های کلیدی"),
  stakeholders: L("People involved", "相關人員", "相关人员", "Участники", "افراد درگیر"),
  expectations: L("Customer expectations", "顧客期望", "顾客期望", "Ожидания клиента", "انتظارات مشتری"),
  risks: L("Risks", "風險", "风险", "Риски", "ریسک‌ها"),
  momentsOfTruth: L("Moments of truth", "關鍵時刻", "关键时刻", "Моменты истины", "لحظه‌های حقیقت"),
  duration: L("Time spent", "花費時間", "花费时间", "Время", "زمان صرف‌شده"),
  frontstage: L(
    "Frontstage (visible to the customer)",
    "前台（顧客可見）",
    "前台（顾客可见）",
    "Фронт-офис (видно клиенту)",
    "پیشِ صحنه (دیده‌شده توسط مشتری)",
  ),
  backstage: L(
    "Backstage (invisible to the customer)",
    "後台（顧客不可見）",
    "后台（顾客不可见）",
    "Бэк-офис (не видно клиенту)",
    "پشتِ صحنه (نادیده برای مشتری)",
  ),
  support: L("Support processes", "支援流程", "支持流程", "Поддерживающие процессы", "فرایندهای پشتیبان"),
  images: L("Images", "圖片", "图片", "Изображения", "تصاویر"),
  links: L("Links and attachments", "連結與附件", "链接与附件", "Ссылки и вложения", "پیوندها و پیوست‌ها"),
  data: L("Data", "數據", "数据", "Данные", "داده‌ها"),
};

/** Starter prompts the editor shows as placeholders in an empty lane, telling the team what belongs there (never stored). */
export const LANE_PROMPTS: Partial<Record<LaneType, Localized>> = {
  actions: L(
    "What does the customer do here?",
    "顧客在這裡做什麼？",
    "顾客在这里做什么？",
    "Что здесь делает клиент?",
    "مشتری در این مرحله چه می‌کند؟",
  ),
  thoughts: L(
    "What is the customer asking themselves?",
    "顧客心裡在問什麼？",
    "顾客心里在问什么？",
    "Какой вопрос задаёт себе клиент?",
    "مشتری از خودش چه می‌پرسد؟",
  ),
  expectations: L(
    "What does the customer expect to happen?",
    "顧客期待發生什麼？",
    "顾客期待发生什么？",
    "Чего клиент ожидает?",
    "مشتری انتظار دارد چه اتفاقی بیفتد؟",
  ),
  painPoints: L(
    "Where does the customer get stuck or annoyed?",
    "顧客在哪裡卡住或感到不滿？",
    "顾客在哪里卡住或感到不满？",
    "Где клиент застревает или раздражается?",
    "مشتری کجا گیر می‌کند یا آزرده می‌شود؟",
  ),
  opportunities: L(
    "What could we change to help?",
    "我們可以改變什麼來幫忙？",
    "我们可以改变什么来帮忙？",
    "Что мы можем изменить, чтобы помочь?",
    "چه چیزی را می‌توانیم تغییر دهیم تا کمک کند؟",
  ),
  frontstage: L(
    "What our staff or app does in front of the customer",
    "員工或應用程式在顧客面前做什麼",
    "员工或应用在顾客面前做什么",
    "Что делают сотрудники или приложение на глазах клиента",
    "کارکنان یا اپلیکیشن ما جلوی چشم مشتری چه می‌کنند",
  ),
  backstage: L(
    "What happens behind the scenes",
    "幕後發生了什麼",
    "幕后发生了什么",
    "Что происходит за кулисами",
    "پشت صحنه چه اتفاقی می‌افتد",
  ),
  support: L(
    "Systems and partners that make it possible",
    "支撐這一步的系統與夥伴",
    "支撑这一步的系统与伙伴",
    "Системы и партнёры, которые это обеспечивают",
    "سامانه‌ها و شریکانی که این کار را ممکن می‌کنند",
  ),
  stakeholders: L(
    "Who else is involved in this decision?",
    "還有誰參與這個決定？",
    "还有谁参与这个决定？",
    "Кто ещё участвует в этом решении?",
    "چه کسان دیگری در این تصمیم نقش دارند؟",
  ),
};
