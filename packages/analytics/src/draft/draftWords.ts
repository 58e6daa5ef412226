import type { Locale } from "@opencjm/core";

/** The drafted map's title until the user names it. */
export const DRAFT_TITLE: Record<Locale, string> = {
  en: "Current state from data",
  "zh-Hant": "依資料繪製的現況旅程",
  "zh-Hans": "依数据绘制的现状旅程",
  ru: "Текущее состояние по данным",
  fa: "وضعیت فعلی بر اساس داده‌ها",
};

/** The one stage of a draft whose steps sit on no stage of the map. */
export const DRAFT_STAGE_NAME: Record<Locale, string> = {
  en: "Journey",
  "zh-Hant": "旅程",
  "zh-Hans": "旅程",
  ru: "Путь клиента",
  fa: "سفر مشتری",
};
