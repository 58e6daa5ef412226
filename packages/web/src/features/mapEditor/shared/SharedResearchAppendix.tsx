import type { PrintTable } from "@opencjm/core";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./SharedResearchAppendix.module.css";

/**
 * The research appendix under a shared map, when its sharer included it: research per step and the quotes, as the
 * server worded them (participants by code only). Folded until opened; user text is plain text.
 */
export function SharedResearchAppendix({ tables }: { tables: readonly PrintTable[] }) {
  const t = useT();
  if (tables.length === 0) return null;
  return (
    <details className={styles.research} data-testid="shared-research">
      <summary>{t("exchange.share.researchAppendix")}</summary>
      {tables.map((table, i) => (
        <section key={i}>
          <h2 className={styles.title}>
            <bdi>{table.title}</bdi>
          </h2>
          <table className={styles.table}>
            <thead>
              <tr>
                {table.headers.map((header, c) => (
                  <th key={c} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((value, c) => (
                    <td key={c}>
                      <bdi>{value}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </details>
  );
}
