import type { FieldProblem } from "./FieldProblem.js";
import { useProblemText } from "./useProblemText.js";
import styles from "./FieldMessage.module.css";

/** The translated problem of a field, announced to screen readers; nothing when there is none. */
export function FieldMessage({ id, problem, length }: { id: string; problem: FieldProblem | null; length?: number }) {
  const text = useProblemText()(problem, length);
  if (!text) return null;
  return (
    <p id={id} role="alert" className={styles.message}>
      {text}
    </p>
  );
}
