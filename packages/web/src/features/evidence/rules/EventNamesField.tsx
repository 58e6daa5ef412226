import { useId, useState, type KeyboardEvent } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./Rules.module.css";

/** A list of exact event names as removable chips, with the data's names suggested while typing. */
export function EventNamesField({
  names,
  suggestions,
  onChange,
  disabled,
}: {
  names: readonly string[];
  suggestions: readonly string[];
  onChange: (names: string[]) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState("");
  const add = (value: string) => {
    const name = value.trim();
    if (name && !names.includes(name)) onChange([...names, name]);
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add(text);
    } else if (e.key === "Backspace" && text === "" && names.length) onChange(names.slice(0, -1));
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{t("evidence.rule.eventNames")}</label>
      <div className={styles.chips}>
        {names.map((n) => (
          <span key={n} className={styles.chip} data-testid="event-name-chip">
            <bdi>{n}</bdi>
            {!disabled && (
              <button
                type="button"
                aria-label={t("evidence.rule.removeName", { name: n })}
                onClick={() => onChange(names.filter((x) => x !== n))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {!disabled && (
          <input
            id={`${id}-input`}
            className={styles.chipInput}
            list={`${id}-names`}
            dir="auto"
            value={text}
            onChange={(e) => {
              // Picking a suggestion from the list fills the whole name at once: take it as a chip.
              const value = e.target.value;
              if (suggestions.includes(value) && (e.nativeEvent as InputEvent).inputType !== "insertText") add(value);
              else setText(value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => text && add(text)}
            placeholder={t("evidence.rule.eventNamesHint")}
            data-testid="event-name-input"
          />
        )}
      </div>
      <datalist id={`${id}-names`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
