import { useId, useState } from "react";
import { useT } from "../../i18n/I18nProvider.js";

/** Splits the text of a list field into its items: one per line, blank lines dropped. */
export function linesToItems(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A list of short texts (goals, needs, concerns…) edited as one item per line. It keeps its own text so blank lines
 * being typed are not swallowed; the parent gets the items.
 */
export function ListField({
  label,
  value,
  onChange,
  invalid,
  rows = 3,
  name,
}: {
  label: string;
  value: readonly string[];
  onChange: (items: string[]) => void;
  invalid?: boolean;
  rows?: number;
  name: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(() => value.join("\n"));
  // The hint is linked by aria-describedby, not inside the label, so the field's name stays just its label.
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input"
        name={name}
        rows={Math.max(rows, Math.min(value.length + 1, 8))}
        value={text}
        dir="auto"
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(linesToItems(e.target.value));
        }}
      />
      <small id={`${id}-hint`}>{t("personas.onePerLine")}</small>
    </div>
  );
}
