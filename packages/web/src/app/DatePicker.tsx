import * as Popover from "@radix-ui/react-popover";
import { Suspense, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { buttonClassName } from "./Button.js";
import styles from "./DatePicker.module.css";
import { lazyScreen } from "./lazyScreen.js";

// The calendars and their date libraries are loaded when a picker is about to open (pointer over it, focus), not
// with every screen that shows a date: most of the picker's code, and no part of drawing the date itself.
const Calendar = lazyScreen(() => import("./DatePickerCalendar.js"));

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
        onPointerEnter={() => void Calendar.preload().catch(() => undefined)}
        onFocus={() => void Calendar.preload().catch(() => undefined)}
        className={`${buttonClassName("secondary", "small")} ${styles.trigger}`}
        data-testid={testId}
        data-value={value}
      >
        {selected ? formatDate(selected, { dateStyle: "medium" }) : t("common.date.none")}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className={styles.panel} align="start" sideOffset={4} collisionPadding={8} dir={dir}>
          <Suspense fallback={<div className={styles.loading} aria-busy="true" />}>
            <Calendar.Component
              locale={locale}
              dir={dir}
              selected={selected}
              defaultMonth={selected ?? last ?? first}
              disabled={disabled}
              onSelect={(day) => pick(isoDay(day))}
            />
          </Suspense>
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
