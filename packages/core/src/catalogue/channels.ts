import type { Locale, Localized } from "../locale.js";
import { L } from "../templates/localized.js";

/** A built-in channel; in every workspace its id equals its key. */
export interface BuiltInChannel {
  key: string;
  online: boolean;
  icon: string;
  name: Localized;
}

/** The online and offline channels the source articles list (PRODUCT.md §2), seeded into every workspace. */
export const BUILT_IN_CHANNELS: readonly BuiltInChannel[] = [
  { key: "website", online: true, icon: "globe", name: L("Website", "網站", "网站", "Сайт", "وب‌سایت") },
  { key: "blog", online: true, icon: "pen", name: L("Blog", "部落格", "博客", "Блог", "وبلاگ") },
  {
    key: "comments",
    online: true,
    icon: "message-square",
    name: L("Comments", "留言", "评论", "Комментарии", "دیدگاه‌ها"),
  },
  {
    key: "social",
    online: true,
    icon: "share",
    name: L("Social media", "社群媒體", "社交媒体", "Социальные сети", "شبکه‌های اجتماعی"),
  },
  {
    key: "online-ads",
    online: true,
    icon: "megaphone",
    name: L("Online ads", "網路廣告", "网络广告", "Онлайн-реклама", "تبلیغات آنلاین"),
  },
  {
    key: "search-ads",
    online: true,
    icon: "search",
    name: L(
      "Search ads (PPC)",
      "搜尋廣告（PPC）",
      "搜索广告（PPC）",
      "Контекстная реклама (PPC)",
      "تبلیغات جست‌وجو (PPC)",
    ),
  },
  {
    key: "search",
    online: true,
    icon: "search",
    name: L("Search engines", "搜尋引擎", "搜索引擎", "Поисковые системы", "موتورهای جست‌وجو"),
  },
  {
    key: "review-sites",
    online: true,
    icon: "star",
    name: L("Review sites", "評論網站", "点评网站", "Сайты отзывов", "سایت‌های نقد و بررسی"),
  },
  { key: "email", online: true, icon: "mail", name: L("E-mail", "電子郵件", "电子邮件", "Электронная почта", "ایمیل") },
  { key: "sms", online: true, icon: "smartphone", name: L("SMS", "簡訊", "短信", "SMS", "پیامک") },
  {
    key: "messenger",
    online: true,
    icon: "message-circle",
    name: L("Messenger apps", "通訊軟體", "即时通讯", "Мессенджеры", "پیام‌رسان‌ها"),
  },
  {
    key: "live-chat",
    online: true,
    icon: "messages",
    name: L("Live chat", "線上客服", "在线客服", "Онлайн-чат", "گفت‌وگوی زنده"),
  },
  {
    key: "mobile-app",
    online: true,
    icon: "smartphone",
    name: L("Mobile app", "行動應用程式", "移动应用", "Мобильное приложение", "اپلیکیشن موبایل"),
  },
  {
    key: "faq",
    online: true,
    icon: "help-circle",
    name: L(
      "FAQ and help centre",
      "常見問題與說明中心",
      "常见问题与帮助中心",
      "FAQ и база знаний",
      "پرسش‌های متداول و مرکز راهنما",
    ),
  },
  {
    key: "support",
    online: true,
    icon: "life-buoy",
    name: L("Support desk", "客服中心", "客服中心", "Служба поддержки", "میز پشتیبانی"),
  },
  {
    key: "crm",
    online: true,
    icon: "users",
    name: L(
      "CRM and account manager",
      "CRM 與客戶經理",
      "CRM 与客户经理",
      "CRM и персональный менеджер",
      "CRM و مدیر حساب",
    ),
  },
  { key: "phone", online: false, icon: "phone", name: L("Phone", "電話", "电话", "Телефон", "تلفن") },
  { key: "store", online: false, icon: "store", name: L("Store", "門市", "门店", "Магазин", "فروشگاه") },
  {
    key: "pos",
    online: false,
    icon: "credit-card",
    name: L("Point of sale", "收銀台", "收银台", "Касса", "صندوق فروش"),
  },
  {
    key: "meeting",
    online: false,
    icon: "handshake",
    name: L("In-person meeting", "面對面會議", "面对面会议", "Личная встреча", "جلسه حضوری"),
  },
  {
    key: "events",
    online: false,
    icon: "calendar",
    name: L("Events and trade shows", "活動與展會", "活动与展会", "Мероприятия и выставки", "رویدادها و نمایشگاه‌ها"),
  },
  { key: "tv", online: false, icon: "tv", name: L("TV", "電視", "电视", "Телевидение", "تلویزیون") },
  { key: "radio", online: false, icon: "radio", name: L("Radio", "廣播", "广播", "Радио", "رادیو") },
  {
    key: "print",
    online: false,
    icon: "newspaper",
    name: L("Print and outdoor", "平面與戶外廣告", "平面与户外广告", "Печать и наружная реклама", "چاپی و محیطی"),
  },
  {
    key: "word-of-mouth",
    online: false,
    icon: "users",
    name: L("Word of mouth", "口碑", "口碑", "Сарафанное радио", "تبلیغ دهان‌به‌دهان"),
  },
  { key: "delivery", online: false, icon: "truck", name: L("Delivery", "配送", "配送", "Доставка", "ارسال و تحویل") },
];

/** A built-in channel's name in a language, or undefined for an unknown key. */
export function channelName(key: string, locale: Locale): string | undefined {
  return BUILT_IN_CHANNELS.find((c) => c.key === key)?.name[locale];
}
