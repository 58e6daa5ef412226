import { useT } from "../../../i18n/I18nProvider.js";
import type { BlueprintLine } from "./blueprintLines.js";
import styles from "./BlueprintLineRow.module.css";

/** A labelled line across the grid between two lanes of a service blueprint. */
export function BlueprintLineRow({ row, lines }: { row: number; lines: readonly BlueprintLine[] }) {
  const t = useT();
  return (
    <div
      role="presentation"
      className={styles.line}
      style={{ gridRow: row }}
      data-testid="blueprint-line"
      data-lines={lines.join(" ")}
    >
      <span className={styles.label}>{lines.map((l) => t(`editor.blueprint.${l}`)).join(" · ")}</span>
    </div>
  );
}
