import { MAX_CONVERSION_WINDOW_HOURS } from "@opencjm/core";
import { useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./Evidence.module.css";

type Unit = "hours" | "days";

const inUnit = (hours: number | undefined, unit: Unit) =>
  hours === undefined ? "" : String(unit === "days" ? hours / 24 : hours);

/**
 * The data bar's conversion window: a number of hours or days, empty for none (a step counts however long customers
 * take, the default). Applied when the field is left or Enter is pressed, and at once when the unit changes, so
 * typing "72" does not ask for the numbers under a window of 7 first. The parent keys it by the window in force.
 */
export function ConversionWindowFilter({
  hours,
  onChange,
}: {
  hours: number | undefined;
  onChange: (hours: number | undefined) => void;
}) {
  const { t } = useI18n();
  const unitId = useId();
  const [unit, setUnit] = useState<Unit>(hours !== undefined && hours % 24 === 0 ? "days" : "hours");
  const [draft, setDraft] = useState(inUnit(hours, unit));
  const apply = (text: string, inThe: Unit) => {
    const n = Number(text.trim());
    const next =
      text.trim() === "" || !Number.isFinite(n) || n <= 0
        ? undefined
        : Math.min(MAX_CONVERSION_WINDOW_HOURS, inThe === "days" ? n * 24 : n);
    if (next === hours) setDraft(inUnit(hours, inThe));
    else onChange(next);
  };
  return (
    <div className={styles.filter} role="group" aria-labelledby={`${unitId}-label`}>
      <span id={`${unitId}-label`}>{t("evidence.map.window")}</span>
      <span className={styles.windowFields}>
        <input
          className="input"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={draft}
          placeholder={t("evidence.map.windowNone")}
          aria-labelledby={`${unitId}-label`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => apply(draft, unit)}
          onKeyDown={(e) => e.key === "Enter" && apply(draft, unit)}
          data-testid="filter-window"
        />
        <select
          className="input"
          value={unit}
          aria-label={t("evidence.map.windowUnit")}
          onChange={(e) => {
            const next = e.target.value as Unit;
            setUnit(next);
            apply(draft, next);
          }}
          data-testid="filter-window-unit"
        >
          <option value="hours">{t("evidence.map.windowHours")}</option>
          <option value="days">{t("evidence.map.windowDays")}</option>
        </select>
      </span>
    </div>
  );
}
