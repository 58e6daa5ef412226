import { useT } from "../../i18n/I18nProvider.js";
import { fieldLabelKey, itemNumber, type FieldProblem } from "./personaDraft.js";
import styles from "./PersonaPage.module.css";

/** "Check these fields": each bad field by its label (and item number in a list), in the user's language. */
export function ProblemList({ problems }: { problems: readonly FieldProblem[] }) {
  const t = useT();
  const seen = new Set<string>();
  const lines = problems.flatMap((p) => {
    const item = itemNumber(p.path);
    const line =
      item === undefined
        ? t(fieldLabelKey(p.path))
        : t("personas.itemOf", { field: t(fieldLabelKey(p.path)), n: item });
    if (seen.has(line)) return [];
    seen.add(line);
    return [line];
  });
  return (
    <div role="alert" className={styles.alert} data-testid="persona-problems">
      <strong>{t("personas.checkFields")}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <span className="hint">{t("personas.limitsHint")}</span>
    </div>
  );
}
