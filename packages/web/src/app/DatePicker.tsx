import * as Popover from "@radix-ui/react-popover";
import { useState } from "react";
import { DayPicker as PersianDayPicker, faIR } from "@daypicker/persian";
import { DayPicker } from "react-day-picker";
import { enUS, ru, zhCN, zhTW } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { useI18n } from "../i18n/I18nProvider.js";
import type { UiLocale } from "../i18n/locales.js";
import { buttonClassName } from "./Button.js";
import styles from "./DatePicker.module.css";

// Persian is drawn by the Solar Hijri build (@daypicker/persian, same API): its months, weeks and digits.
const CALENDAR_LOCALES = { en: enUS, ru, "zh-Hans": zhCN, "zh-Hant": zhTW } satisfies Record<
  Exclude<UiLocale, "fa">,
  unknown
>;

/** "2026-12-05" as that day at local midnight (new Date("2026-12-05") would be UTC midnight, the day before in America). */
function dayOf(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

/** A local day as "YYYY-MM-DD", the form the API and `<input type=date>` use. */
function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * A date field in the UI language, in place of the browser's date input (which shows mm/dd/yyyy whatever the
 * language): a button with the date written the language's way (the Solar Hijri calendar in Persian) that opens a
 * month calendar (react-day-picker; the Solar Hijri months in Persian) with the language's month and weekday names,
 * digits and direction. Values are
 * "YYYY-MM-DD" or "" for none; put it inside a `<label>` to name it.
 */
export function DatePicker({
  value,
  onChange,
  min,
  max,
  clearable = true,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  /** Offers "Clear" to go back to no date. */
  clearable?: boolean;
  testId?: string;
}) {
  const { locale, dir, t, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const selected = dayOf(value);
  const [first, last] = [min ? dayOf(min) : undefined, max ? dayOf(max) : undefined];
  const disabled = [...(first ? [{ before: first }] : []), ...(last ? [{ after: last }] : [])];
  const pick = (next: string) => {
    onChange(next);
    setOpen(false);
  };
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className={`${buttonClassName("secondary", "small")} ${styles.trigger}`}
        data-testid={testId}
        data-value={value}
      >
        {selected ? formatDate(selected, { dateStyle: "medium" }) : t("common.date.none")}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className={styles.panel} align="start" sideOffset={4} collisionPadding={8} dir={dir}>
          {locale === "fa" ? (
            <PersianDayPicker
              mode="single"
              locale={faIR}
              dir="rtl"
              numerals="arabext"
              selected={selected}
              defaultMonth={selected ?? last ?? first}
              disabled={disabled}
              onSelect={(day) => day && pick(isoDay(day))}
              autoFocus
            />
          ) : (
            <DayPicker
              mode="single"
              locale={CALENDAR_LOCALES[locale]}
              dir={dir}
              numerals="latn"
              selected={selected}
              defaultMonth={selected ?? last ?? first}
              disabled={disabled}
              onSelect={(day) => day && pick(isoDay(day))}
              autoFocus
            />
          )}
          {clearable && value && (
            <button type="button" className={buttonClassName("ghost", "small")} onClick={() => pick("")}>
              {t("common.date.clear")}
            </button>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
