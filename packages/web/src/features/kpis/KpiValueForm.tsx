import { useId, useState, type FormEvent } from "react";
import { Button } from "../../app/Button.js";
import { DatePicker } from "../../app/DatePicker.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { parseLocaleNumber } from "../cells/fields/parseLocaleNumber.js";
import styles from "./KpiList.module.css";

/** Today as "YYYY-MM-DD" in the user's own calendar day. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A value entered by hand: its day (the app's date picker, in the user's calendar) and the number, typed the
 * language's way. Checks both before `onSubmit`; the caller saves and tells the server's answer.
 */
export function KpiValueForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  testId,
}: {
  initial: { date: string; value: string };
  submitLabel: string;
  pending: boolean;
  onSubmit: (value: { date: string; value: number }) => void;
  onCancel?: () => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [date, setDate] = useState(initial.date);
  const [value, setValue] = useState(initial.value);
  const [problem, setProblem] = useState<"date" | "value" | null>(null);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLocaleNumber(value, locale);
    const found = date === "" ? "date" : parsed === null ? "value" : null;
    setProblem(found);
    if (found === null && parsed !== null) onSubmit({ date, value: parsed });
  };
  return (
    <form className={styles.valueForm} onSubmit={handleSubmit} data-testid={testId}>
      <label>
        {t("kpis.values.date")}
        <DatePicker value={date} onChange={setDate} clearable={false} max={today()} testId={`${testId}-date`} />
      </label>
      <label>
        {t("kpis.values.value")}
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          aria-invalid={problem === "value" || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </label>
      <Button type="submit" size="small" variant="primary" disabled={pending}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {t("kpis.editor.cancel")}
        </Button>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className={styles.error}>
          {t(problem === "date" ? "kpis.values.noDate" : "kpis.editor.notNumber")}
        </p>
      )}
    </form>
  );
}
