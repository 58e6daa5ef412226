import { L, type Locale, type Localized, type MapType } from "@opencjm/core";

/** Words exports print around the user's content: headers, sheet names, slide titles, field names. */
const LABELS = {
  stage: L("Stage", "階段", "阶段", "Этап", "مرحله"),
  step: L("Step", "步驟", "步骤", "Шаг", "گام"),
  lane: L("Lane", "泳道", "泳道", "Дорожка", "ردیف"),
  laneType: L("Type", "類型", "类型", "Тип", "نوع"),
  persona: L("Persona", "人物誌", "用户画像", "Персона", "پرسونا"),
  personas: L("Personas", "人物誌", "用户画像", "Персоны", "پرسوناها"),
  map: L("Map", "旅程圖", "旅程图", "Карта", "نقشه"),
  about: L("About", "關於", "关于", "О карте", "درباره"),
  emotions: L("Emotions", "情緒", "情绪", "Эмоции", "احساسات"),
  cards: L("Cards", "卡片", "卡片", "Карточки", "کارت‌ها"),
  ideas: L("Ideas", "構想", "构想", "Идеи", "ایده‌ها"),
  painPoints: L("Pain points", "痛點", "痛点", "Болевые точки", "نقاط درد"),
  opportunities: L("Opportunities", "機會", "机会", "Возможности", "فرصت‌ها"),
  title: L("Title", "標題", "标题", "Название", "عنوان"),
  goal: L("Goal", "目標", "目标", "Цель", "هدف"),
  scope: L("Scope", "範圍", "范围", "Охват", "دامنه"),
  mapType: L("Map type", "旅程圖類型", "旅程图类型", "Тип карты", "نوع نقشه"),
  status: L("Status", "狀態", "状态", "Статус", "وضعیت"),
  tags: L("Tags", "標籤", "标签", "Теги", "برچسب‌ها"),
  language: L("Language", "語言", "语言", "Язык", "زبان"),
  emotionScale: L("Emotion scale", "情緒量表", "情绪量表", "Шкала эмоций", "مقیاس احساسات"),
  segment: L("Segment (JSON)", "客群（JSON）", "客群（JSON）", "Сегмент (JSON)", "بخش مشتریان (JSON)"),
  layout: L("Layout (JSON)", "版面（JSON）", "版面（JSON）", "Разметка (JSON)", "چیدمان (JSON)"),
  template: L("Template", "範本", "模板", "Шаблон", "الگو"),
  kind: L("Kind", "種類", "种类", "Вид", "گونه"),
  text: L("Text", "內容", "内容", "Текст", "متن"),
  evidence: L("Evidence", "證據", "证据", "Обоснование", "شواهد"),
  severity: L("Severity", "嚴重度", "严重度", "Серьёзность", "شدت"),
  rootCause: L("Root cause", "根本原因", "根本原因", "Первопричина", "علت ریشه‌ای"),
  data: L("Data (OpenCJM)", "資料（OpenCJM）", "数据（OpenCJM）", "Данные (OpenCJM)", "داده (OpenCJM)"),
  id: L("Id", "編號", "编号", "Идентификатор", "شناسه"),
  name: L("Name", "名稱", "名称", "Имя", "نام"),
  summary: L("Summary", "摘要", "摘要", "Описание", "خلاصه"),
  quote: L("Quote", "引言", "引言", "Цитата", "نقل‌قول"),
  goals: L("Goals", "目標", "目标", "Цели", "اهداف"),
  needs: L("Needs", "需求", "需求", "Потребности", "نیازها"),
  concerns: L("Concerns", "顧慮", "顾虑", "Опасения", "نگرانی‌ها"),
  frustrations: L("Frustrations", "挫折", "挫折", "Разочарования", "ناکامی‌ها"),
  behaviours: L("Behaviours", "行為", "行为", "Поведение", "رفتارها"),
  decisionRole: L("Role in the decision", "決策角色", "决策角色", "Роль в решении", "نقش در تصمیم"),
  linkedIdeas: L("Linked ideas", "關聯構想", "关联构想", "Связанные идеи", "ایده‌های مرتبط"),
  journeyMap: L("Customer journey map", "顧客旅程圖", "客户旅程图", "Карта пути клиента", "نقشه سفر مشتری"),
  exportedOn: L(
    "Exported on {date}",
    "匯出於 {date}",
    "导出于 {date}",
    "Экспортировано {date}",
    "خروجی‌گرفته در {date}",
  ),
  part: L("{n} of {total}", "第 {n} 頁，共 {total} 頁", "第 {n} 页，共 {total} 页", "{n} из {total}", "{n} از {total}"),
  minutes: L("{n} min", "{n} 分鐘", "{n} 分钟", "{n} мин", "{n} دقیقه"),
  failurePoint: L("failure point", "失敗點", "失败点", "точка отказа", "نقطه شکست"),
  waitPoint: L("wait point", "等待點", "等待点", "точка ожидания", "نقطه انتظار"),
  target: L("target", "目標", "目标", "цель", "هدف"),
} satisfies Record<string, Localized>;

/** A label key of the export catalogue. */
export type ExportLabel = keyof typeof LABELS;

/** A label in a language, with `{name}` placeholders filled in. */
export function exportLabel(locale: Locale, key: ExportLabel, values: Record<string, string | number> = {}): string {
  return LABELS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Every translation of a label, for importers that accept a header in any language. */
export function exportLabelVariants(key: ExportLabel): string[] {
  return Object.values(LABELS[key]);
}

const MAP_TYPE_NAMES: Record<MapType, Localized> = {
  currentState: L("Current state", "現況", "现状", "Текущее состояние", "وضعیت فعلی"),
  futureState: L("Future state", "未來狀態", "未来状态", "Будущее состояние", "وضعیت آینده"),
  dayInTheLife: L("Day in the life", "生活中的一天", "生活中的一天", "День из жизни", "یک روز از زندگی"),
  serviceBlueprint: L("Service blueprint", "服務藍圖", "服务蓝图", "Сервисный блупринт", "نقشه خدمت"),
  employeeJourney: L("Employee journey", "員工旅程", "员工旅程", "Путь сотрудника", "سفر کارمند"),
};

/** The name of a map type in a language. */
export function mapTypeName(type: MapType, locale: Locale): string {
  return MAP_TYPE_NAMES[type][locale];
}

const STATUS_NAMES: Record<string, Localized> = {
  draft: L("Draft", "草稿", "草稿", "Черновик", "پیش‌نویس"),
  published: L("Published", "已發布", "已发布", "Опубликована", "منتشرشده"),
  archived: L("Archived", "已封存", "已归档", "В архиве", "بایگانی‌شده"),
};

/** The name of a map status in a language (the raw status when unknown). */
export function mapStatusName(status: string, locale: Locale): string {
  return STATUS_NAMES[status]?.[locale] ?? status;
}

const EVIDENCE_NAMES: Record<string, Localized> = {
  assumption: L("Assumption", "假設", "假设", "Предположение", "فرض"),
  research: L("Research", "研究", "研究", "Исследование", "پژوهش"),
  data: L("Data", "數據", "数据", "Данные", "داده"),
};

/** The name of an evidence level in a language. */
export function evidenceName(level: string, locale: Locale): string {
  return EVIDENCE_NAMES[level]?.[locale] ?? level;
}
