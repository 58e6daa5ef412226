import { useId, useState } from "react";

/** Splits typed tags on commas (Latin, Persian and Chinese), dropping empty ones. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,،，]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Tags typed as one comma-separated line; keeps its own text so a trailing comma being typed is not lost. */
export function TagsField({
  label,
  hint,
  value,
  invalid,
  onChange,
}: {
  label: string;
  hint: string;
  value: readonly string[];
  invalid: boolean;
  onChange: (tags: string[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState(() => value.join(", "));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        name="tags"
        value={text}
        dir="auto"
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitTags(e.target.value));
        }}
      />
      <small id={`${id}-hint`}>{hint}</small>
    </div>
  );
}
