import type { PrintTable } from "@opencjm/core";
import styles from "./PrintMapView.module.css";

/** How tall an appendix table's parts are as printed: its title and header row, and each of its rows. */
export interface AppendixMeasure {
  headPx: number;
  rowsPx: number[];
}

/**
 * One appendix table after the map in a PDF (descriptions, ideas, KPIs): its title, its header row and rows
 * [from, to), columns sized by the table's relative widths. User text is plain text.
 */
export function PrintAppendixTable({
  table,
  rows,
  measured,
}: {
  table: PrintTable;
  rows: [number, number];
  /** The measuring copy, which the page plan is computed from. */
  measured?: boolean;
}) {
  const total = table.widths.reduce((a, b) => a + b, 0) || 1;
  return (
    <div className={styles.appendix} data-testid={measured ? "print-appendix-measure" : "print-appendix"}>
      <h2 className={styles.appendixTitle}>
        <bdi>{table.title}</bdi>
      </h2>
      <table className={styles.appendixTable}>
        <colgroup>
          {table.widths.map((w, i) => (
            <col key={i} style={{ inlineSize: `${(100 * w) / total}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.slice(rows[0], rows[1]).map((row, r) => (
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
    </div>
  );
}

/** Measures a whole appendix table laid out at print width: from its top to its first row, and each row's height. */
export function measureAppendix(element: HTMLElement): AppendixMeasure {
  const top = element.getBoundingClientRect().top;
  const rows = [...element.querySelectorAll("tbody tr")].map((tr) => tr.getBoundingClientRect());
  const headPx = (rows[0]?.top ?? element.getBoundingClientRect().bottom) - top;
  return { headPx, rowsPx: rows.map((r) => r.height) };
}
