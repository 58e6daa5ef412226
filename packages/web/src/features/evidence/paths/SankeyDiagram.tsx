import type { Paths } from "@opencjm/core";
import { useMemo } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { layoutSankey } from "./sankeyLayout.js";
import styles from "./Paths.module.css";

const COLORS = { step: "#2d5fb8", touchpoint: "#b7791f", event: "#8891a1", others: "#b9bfca" } as const;

/**
 * Customer flows between touchpoints as a Sankey diagram (SVG): one column per step of the journeys from their start,
 * box height and flow width by customers, every box labelled with its name and count, every flow titled with its
 * count; right to left in Persian. Boxes for touchpoints missing from the map and for unmapped events are coloured apart;
 * rare nodes are gathered into an "others" box per column, and a label with no room is left out (its box's title names it).
 */
export function SankeyDiagram({ paths, width = 960, height = 420 }: { paths: Paths; width?: number; height?: number }) {
  const { t, dir, formatNumber } = useI18n();
  const rtl = dir === "rtl";
  const drawing = useMemo(
    () =>
      layoutSankey(paths, width, height, rtl, undefined, (merged) =>
        t("evidence.paths.sankeyOthers", { count: merged }),
      ),
    [paths, width, height, rtl, t],
  );
  if (drawing.nodes.length === 0) return <p className={styles.muted}>{t("evidence.paths.noFlows")}</p>;
  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t("evidence.paths.sankeyLabel")}
        data-testid="sankey"
        className={styles.sankey}
      >
        <g>
          {drawing.links.map((l) => (
            <path
              key={l.id}
              d={l.path}
              className={styles.flow}
              style={{ strokeWidth: l.width }}
              data-testid="sankey-link"
              data-source={l.source}
              data-target={l.target}
              data-customers={l.customers}
            >
              <title>{`${l.label}: ${t("evidence.paths.customers", { count: l.customers })}`}</title>
            </path>
          ))}
        </g>
        <g>
          {drawing.nodes.map((n) => {
            // Labels stay inside the diagram: right of boxes in the left half, left of boxes in the right half.
            // The SVG text inherits the page's direction, where "start" is the right edge in right-to-left text.
            const leftHalf = (n.x0 + n.x1) / 2 < width / 2;
            const x = leftHalf ? n.x1 + 6 : n.x0 - 6;
            const textAnchor = leftHalf !== rtl ? "start" : "end";
            return (
              <g
                key={n.id}
                data-testid="sankey-node"
                data-node-id={n.id}
                data-kind={n.kind}
                data-customers={n.customers}
              >
                <rect
                  x={n.x0}
                  y={n.y0}
                  width={Math.max(1, n.x1 - n.x0)}
                  height={Math.max(1, n.y1 - n.y0)}
                  fill={COLORS[n.kind]}
                  rx={2}
                >
                  <title>{`${n.label}: ${t("evidence.paths.customers", { count: n.customers })}`}</title>
                </rect>
                {n.labelY !== null && (
                  <text
                    x={x}
                    y={n.labelY}
                    dy="0.35em"
                    textAnchor={textAnchor}
                    direction={dir}
                    className={styles.nodeLabel}
                    data-testid="sankey-label"
                  >
                    <tspan>{n.label}</tspan>
                    <tspan className={styles.nodeCount}>{` ${formatNumber(n.customers)}`}</tspan>
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className={styles.legend}>
        {(["step", "touchpoint", "event"] as const).map((k) => (
          <span key={k}>
            <span className={styles.swatch} style={{ background: COLORS[k] }} aria-hidden="true" />{" "}
            {t(`evidence.paths.kind.${k}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
