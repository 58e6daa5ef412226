import { useId } from "react";
import { CELL_FIELD_ATTRIBUTE, useCellEditing } from "./CellEditingContext.js";
import { advanceFrom, isPlainEnter } from "./enterKey.js";
import { FieldMessage } from "./FieldMessage.js";
import type { DraftField } from "./useDraftField.js";
import styles from "./DraftTextArea.module.css";

/**
 * A multi-line text field over a draft: grows with its text; Enter saves and moves on, Shift+Enter starts a new
 * line. No `maxLength`: a browser would cut pasted text silently, so an over-long text is kept and explained instead.
 */
export function DraftTextArea({
  draft,
  label,
  placeholder,
  className,
}: {
  draft: DraftField;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const { stopEditing } = useCellEditing();
  const messageId = useId();
  return (
    <>
      <textarea
        {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
        className={`${styles.area} ${className ?? ""}`}
        aria-label={label}
        placeholder={placeholder}
        dir="auto"
        rows={1}
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
    </>
  );
}
