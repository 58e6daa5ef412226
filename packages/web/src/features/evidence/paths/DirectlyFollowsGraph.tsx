import type { Paths } from "@opencjm/core";
import { useId, useMemo, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { formatMs } from "../map/formatMs.js";
import { layoutDfg } from "./dfgLayout.js";
import styles from "./Paths.module.css";

const COLORS = { step: "#2d5fb8", touchpoint: "#b7791f", event: "#8891a1" } as const;

/**
 * The directly-follows graph of the customers' events (which step follows which, repeats included): an arc per
 * transition taken at least as often as the threshold, labelled by how often or by its mean time, and the same
 * transitions as a table below for reading and copying.
 */
export function DirectlyFollowsGraph({ paths, width = 960 }: { paths: Paths; width?: number }) {
  const { t, dir, locale, formatNumber } = useI18n();
  const sliderId = useId();
  const most = Math.max(1, ...paths.edges.map((e) => e.count));
  const [minCount, setMinCount] = useState(1);
  const [label, setLabel] = useState<"frequency" | "time">("frequency");
  const threshold = Math.min(minCount, most);
  const drawing = useMemo(() => layoutDfg(paths, threshold, width, dir === "rtl"), [paths, threshold, width, dir]);
  const name = new Map(paths.nodes.map((n) => [n.id, n.label]));
  if (paths.edges.length === 0) return <p className={styles.muted}>{t("processMap.dfg.none")}</p>;
  const arcText = (arc: { count: number; meanMs: number }) =>
    label === "frequency" ? formatNumber(arc.count) : formatMs(arc.meanMs, locale);
  return (
    <figure className={styles.figure} data-testid="dfg">
      <div className={styles.dfgControls}>
        <label htmlFor={sliderId}>
          {t("processMap.dfg.minCount", { count: threshold })}
          <input
            id={sliderId}
            type="range"
            min={1}
            max={most}
            value={threshold}
            onChange={(e) => setMinCount(Number(e.target.value))}
            data-testid="dfg-threshold"
          />
        </label>
        <fieldset className={styles.dfgMode}>
          <legend>{t("processMap.dfg.labelBy")}</legend>
          {(["frequency", "time"] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name={`${sliderId}-mode`}
                checked={label === mode}
                onChange={() => setLabel(mode)}
                data-testid={`dfg-${mode}`}
              />
              {t(mode === "frequency" ? "processMap.dfg.frequency" : "processMap.dfg.time")}
            </label>
          ))}
        </fieldset>
        <span className={styles.muted} data-testid="dfg-shown">
          {t("processMap.dfg.shown", {
            shown: drawing.arcs.length,
            total: paths.edges.length + paths.edgesOmitted,
            count: paths.edges.length + paths.edgesOmitted,
          })}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        width="100%"
        role="img"
        aria-label={t("processMap.dfg.label")}
        className={styles.dfg}
      >
        {drawing.arcs.map((arc) => (
          <g key={`${arc.from}>${arc.to}`}>
            <path d={arc.path} fill="none" stroke="#5b6b85" strokeOpacity={0.55} strokeWidth={arc.strokeWidth}>
              <title>{`${name.get(arc.from) ?? arc.from} → ${name.get(arc.to) ?? arc.to}: ${arcText(arc)}`}</title>
            </path>
            <text x={arc.labelX} y={arc.labelY} className={styles.dfgArcLabel} textAnchor="middle">
              {arcText(arc)}
            </text>
          </g>
        ))}
        {drawing.nodes.map((node) => (
          <text
            key={node.id}
            x={drawing.width / 2}
            y={node.y + 4}
            textAnchor="middle"
            fill={COLORS[node.kind]}
            className={styles.dfgNode}
          >
            {node.label}
          </text>
        ))}
      </svg>
      <table className={styles.dfgTable} data-testid="dfg-table">
        <thead>
          <tr>
            <th scope="col">{t("processMap.dfg.from")}</th>
            <th scope="col">{t("processMap.dfg.to")}</th>
            <th scope="col">{t("processMap.dfg.count")}</th>
            <th scope="col">{t("processMap.dfg.customers")}</th>
            <th scope="col">{t("processMap.dfg.meanTime")}</th>
          </tr>
        </thead>
        <tbody>
          {drawing.arcs.map((arc) => (
            <tr key={`${arc.from}>${arc.to}`} data-testid="dfg-edge">
              <td>
                <bdi>{name.get(arc.from) ?? arc.from}</bdi>
              </td>
              <td>
                <bdi>{name.get(arc.to) ?? arc.to}</bdi>
              </td>
              <td>{formatNumber(arc.count)}</td>
              <td>{formatNumber(arc.customers)}</td>
              <td>{formatMs(arc.meanMs, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
