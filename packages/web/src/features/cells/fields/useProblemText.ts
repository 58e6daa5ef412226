import { useI18n } from "../../../i18n/I18nProvider.js";
import type { FieldProblem } from "./FieldProblem.js";

/** Turns a field problem into a sentence in the user's language (with the limit and the current length). */
export function useProblemText(): (problem: FieldProblem | null, length?: number) => string | null {
  const { t } = useI18n();
  return (problem, length) => {
    if (!problem) return null;
    if (problem.code === "tooLong") return t("cells.problem.tooLong", { max: problem.max ?? 0, length: length ?? 0 });
    if (problem.code === "tooMany" || problem.code === "outOfRange")
      return t(`cells.problem.${problem.code}`, { max: problem.max ?? 0 });
    return t(`cells.problem.${problem.code}`);
  };
}
