import type { MapMetrics } from "@opencjm/core";
import { useCallback, useContext, useMemo, useRef, useSyncExternalStore, type CSSProperties } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { GridContext } from "../../mapEditor/grid/GridContext.js";
import { COLUMN_WIDTH, TITLE_WIDTH } from "../../mapEditor/grid/gridSizes.js";
import { TOPIC, type MapStructure } from "../../mapEditor/store/MapView.js";
import { MapViewContext } from "../../mapEditor/store/useMapView.js";
import { funnelPlacement, type FunnelPlacement } from "./funnelPlacement.js";
import { scrollGridWith, useGridAlignment } from "./useGridAlignment.js";
import styles from "./Evidence.module.css";

const NO_STRUCTURE = () => () => undefined;

/** The map's structure when the strip is drawn above a map (the editor), else null (the paths page). */
function useOptionalStructure(): MapStructure | null {
  const view = useContext(MapViewContext);
  const subscribe = useCallback(
    (listener: () => void) => view?.subscribe(TOPIC.structure, listener) ?? NO_STRUCTURE(),
    [view],
  );
  return useSyncExternalStore(subscribe, () => view?.getStructure() ?? null);
}

/**
 * The funnel across the map's stages: customers reaching each stage as a bar on one shared scale, with the share of
 * the first stage and the drop between neighbours, up to the journey's goal (stages after it are optional: no drop).
 * Above the map grid each stage sits exactly over its step columns and follows the grid's scrolling and zoom;
 * elsewhere the stages run in reading order (right to left in Persian).
 */
export function FunnelStrip({ metrics }: { metrics: MapMetrics }) {
  const { t, formatNumber } = useI18n();
  const structure = useOptionalStructure();
  const zoom = useContext(GridContext)?.zoom ?? 1;
  const placement = useMemo(() => (structure ? funnelPlacement(structure) : null), [structure]);
  const stripRef = useRef<HTMLDivElement>(null);
  const rowRef = useRef<HTMLOListElement>(null);
  const labelRef = useRef<HTMLDivElement>(null);
  const layoutKey = `${zoom}:${placement?.columnCount ?? 0}:${metrics.funnel.stages.length}`;
  const gridFound = useGridAlignment(stripRef, rowRef, labelRef, layoutKey);
  const aligned = !!placement && gridFound;
  const names = new Map(metrics.stages.map((s) => [s.stageId, s.name]));
  const stages = metrics.funnel.stages.filter((s) => !aligned || placement.columns.has(s.stageId));
  const top = Math.max(1, ...stages.map((s) => s.customers));
  const pct = (v: number) => formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
  const label = t("evidence.funnel.label");
  const assumed = !!placement?.goalAssumed;

  const list = (
    <ol
      ref={rowRef}
      className={aligned ? styles.funnelRow : styles.funnel}
      aria-label={label}
      data-testid="funnel-strip"
      style={aligned ? gridColumns(placement, zoom) : undefined}
    >
      {stages.map((s, i) => {
        const previous = stages[i - 1];
        const afterGoal = !!placement?.afterGoal.has(s.stageId);
        const drop = previous && previous.customers > 0 && !afterGoal ? 1 - s.customers / previous.customers : null;
        const column = aligned ? placement.columns.get(s.stageId) : undefined;
        const name = names.get(s.stageId) ?? "";
        return (
          <li
            key={s.stageId}
            className={styles.funnelStage}
            style={column ? { gridColumn: `${2 + column.start} / span ${column.span}` } : undefined}
            data-testid="funnel-stage"
            data-stage-id={s.stageId}
            data-customers={s.customers}
            data-after-goal={afterGoal || undefined}
            data-goal-assumed={(afterGoal && placement?.goalAssumed) || undefined}
            title={
              afterGoal
                ? t(assumed ? "evidence.funnel.afterGoalAssumedHint" : "evidence.funnel.afterGoalHint")
                : undefined
            }
          >
            <span className={styles.funnelName} dir="auto" title={name}>
              {name}
            </span>
            <span className={styles.funnelTrack} aria-hidden="true">
              <span className={styles.funnelBar} style={{ inlineSize: `${(s.customers / top) * 100}%` }} />
            </span>
            <span className={styles.funnelValue}>
              {t("evidence.funnel.customers", { count: s.customers })}
              {s.rate !== null && i > 0 && <span className={styles.muted}> · {pct(s.rate)}</span>}
            </span>
            {drop !== null && drop > 0 && (
              <span className={styles.funnelDrop}>{t("evidence.funnel.drop", { percent: pct(drop) })}</span>
            )}
            {afterGoal && (
              <span className={styles.muted}>
                {t(assumed ? "evidence.funnel.afterGoalAssumed" : "evidence.funnel.afterGoal")}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
  if (!placement) return list;
  return (
    <div
      ref={stripRef}
      className={aligned ? styles.funnelAligned : undefined}
      onWheel={(e) => stripRef.current && scrollGridWith(stripRef.current, e.deltaX)}
    >
      {aligned && (
        <div
          ref={labelRef}
          className={styles.funnelLabel}
          style={{ inlineSize: TITLE_WIDTH * zoom }}
          aria-hidden="true"
        >
          {label}
        </div>
      )}
      {list}
    </div>
  );
}

/** The grid's own columns at its zoom: the lane titles, then one track per step column. */
function gridColumns(placement: FunnelPlacement, zoom: number): CSSProperties {
  return {
    gridTemplateColumns: `${TITLE_WIDTH * zoom}px repeat(${placement.columnCount}, ${COLUMN_WIDTH * zoom}px)`,
    "--funnel-track": `${COLUMN_WIDTH * zoom - 16}px`,
  } as CSSProperties;
}
