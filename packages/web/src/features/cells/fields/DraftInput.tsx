import { useId } from "react";
import { CELL_FIELD_ATTRIBUTE, useCellEditing } from "./CellEditingContext.js";
import { advanceFrom, isPlainEnter } from "./enterKey.js";
import { FieldMessage } from "./FieldMessage.js";
import type { DraftField } from "./useDraftField.js";
import styles from "./DraftInput.module.css";

/** A one-line text field over a draft; Enter saves and moves to the next field of the cell. */
export function DraftInput({
  draft,
  label,
  placeholder,
  inputMode,
  className,
  autoFocus,
}: {
  draft: DraftField;
  label: string;
  placeholder?: string;
  inputMode?: "decimal" | "url" | "text";
  className?: string;
  autoFocus?: boolean;
}) {
  const { stopEditing } = useCellEditing();
  const messageId = useId();
  return (
    <span className={`${styles.wrap} ${className ?? ""}`}>
      <input
        {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
        className={styles.input}
        aria-label={label}
        placeholder={placeholder}
        dir="auto"
        inputMode={inputMode}
        autoFocus={autoFocus}
        value={draft.text}
        aria-invalid={draft.problem ? true : undefined}
        aria-describedby={draft.problem ? messageId : undefined}
        onChange={(e) => draft.setText(e.target.value)}
        onBlur={() => draft.commit()}
        onKeyDown={(e) => {
          if (!isPlainEnter(e)) return;
          e.preventDefault();
          if (draft.commit()) advanceFrom(e.currentTarget, stopEditing);
        }}
      />
      <FieldMessage id={messageId} problem={draft.problem} length={draft.text.length} />
    </span>
  );
}
