import type { MapComparison, PainPointDiff } from "@opencjm/core";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./CompareMapsPage.module.css";

function PainList({
  title,
  items,
  empty,
  kind,
}: {
  title: string;
  items: readonly PainPointDiff[];
  empty: string;
  kind: "resolved" | "new";
}) {
  const t = useT();
  return (
    <section className={styles.painSection} data-testid={`pain-${kind}`}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul>
          {items.map((p) => (
            <li key={p.card.id} className={kind === "resolved" ? styles.painResolved : styles.painNew}>
              <span dir="auto">{p.card.text}</span>
              <span className="hint">
                {" "}
                · <bdi>{p.stepName}</bdi> · {t("compare.severity", { level: p.card.severity })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Pain points present on the left and gone on the right (resolved), and the ones the right map adds. */
export function ComparePainPoints({ comparison }: { comparison: MapComparison }) {
  const t = useT();
  return (
    <div className={styles.pains}>
      <PainList
        kind="resolved"
        title={t("compare.resolvedTitle")}
        items={comparison.resolvedPainPoints}
        empty={t("compare.noneResolved")}
      />
      <PainList
        kind="new"
        title={t("compare.newTitle")}
        items={comparison.newPainPoints}
        empty={t("compare.noneNew")}
      />
    </div>
  );
}
