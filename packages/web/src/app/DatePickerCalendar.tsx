import { DayPicker as PersianDayPicker, faIR } from "@daypicker/persian";
import { DayPicker, type Matcher } from "react-day-picker";
import { enUS, ru, zhCN, zhTW } from "react-day-picker/locale";
import "react-day-picker/style.css";
import type { UiLocale } from "../i18n/locales.js";

// Persian is drawn by the Solar Hijri build (@daypicker/persian, same API): its months, weeks and digits.
const CALENDAR_LOCALES = { en: enUS, ru, "zh-Hans": zhCN, "zh-Hant": zhTW } satisfies Record<
  Exclude<UiLocale, "fa">,
  unknown
>;

/**
 * The month calendar of the date picker (react-day-picker; the Solar Hijri months in Persian), in a module of its own:
 * the calendars and their date libraries are most of the picker's code, loaded only when a picker is about to open.
 */
export default function DatePickerCalendar({
  locale,
  dir,
  selected,
  defaultMonth,
  disabled,
  onSelect,
}: {
  locale: UiLocale;
  dir: "ltr" | "rtl";
  selected: Date | undefined;
  defaultMonth: Date | undefined;
  disabled: Matcher[];
  onSelect: (day: Date) => void;
}) {
  const pick = (day: Date | undefined) => day && onSelect(day);
  return locale === "fa" ? (
    <PersianDayPicker
      mode="single"
      selected={selected}
      defaultMonth={defaultMonth}
      disabled={disabled}
      autoFocus
      locale={faIR}
      dir="rtl"
      numerals="arabext"
      onSelect={pick}
    />
  ) : (
    <DayPicker
      mode="single"
      selected={selected}
      defaultMonth={defaultMonth}
      disabled={disabled}
      autoFocus
      locale={CALENDAR_LOCALES[locale]}
      dir={dir}
      numerals="latn"
      onSelect={pick}
    />
  );
}
