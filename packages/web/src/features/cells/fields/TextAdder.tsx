import type { CardContentInput } from "@opencjm/core";
import { Plus } from "lucide-react";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import type { CardAdd } from "../CardView.js";
import { CELL_FIELD_ATTRIBUTE, useCellEditing } from "./CellEditingContext.js";
import { isPlainEnter } from "./enterKey.js";
import { FieldMessage } from "./FieldMessage.js";
import type { FieldProblem } from "./FieldProblem.js";
import styles from "./TextAdder.module.css";

// New-card text that could not be added when the cell closed (too long): kept per cell for the user's return.
const pending = new Map<string, string>();

/**
 * The "new card" field at the end of a cell: type, Enter adds the card and clears the field for the next one;
 * Shift+Enter is a new line; Enter in the empty field leaves edit mode. Text left in it is added on blur and when
 * the cell closes, so nothing typed is lost.
 */
export function TextAdder({
  add,
  cellKey,
  build,
  label,
}: {
  add: CardAdd;
  cellKey: string;
  build: (text: string) => CardContentInput;
  label: string;
}) {
  const t = useT();
  const { stopEditing } = useCellEditing();
  const messageId = useId();
  const [text, setText] = useState(() => pending.get(cellKey) ?? "");
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const latest = useRef({ text, add, build, cellKey });
  useLayoutEffect(() => {
    latest.current = { text, add, build, cellKey };
  });

  const submit = (): boolean => {
    if (text.trim() === "") return false;
    const found = add(build(text));
    setProblem(found);
    if (found) return false;
    pending.delete(cellKey);
    latest.current.text = "";
    setText("");
    return true;
  };

  useEffect(
    () => () => {
      const { text: left, add: addCard, build: toCard, cellKey: key } = latest.current;
      if (left.trim() !== "" && addCard(toCard(left))) pending.set(key, left);
    },
    [],
  );

  return (
    <div className={styles.adder}>
      <div className={styles.row}>
        <textarea
          {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
          className={styles.area}
          aria-label={label}
          placeholder={label}
          dir="auto"
          rows={1}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? messageId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (problem) setProblem(null);
          }}
          onBlur={() => submit()}
          onKeyDown={(e) => {
            if (!isPlainEnter(e)) return;
            e.preventDefault();
            if (text.trim() === "") stopEditing();
            else submit();
          }}
        />
        <button
          type="button"
          className={styles.add}
          aria-label={t("cells.card.add")}
          title={t("cells.card.add")}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => submit()}
        >
          <Plus size={14} aria-hidden="true" />
        </button>
      </div>
      <FieldMessage id={messageId} problem={problem} length={text.length} />
    </div>
  );
}
