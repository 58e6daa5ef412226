import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { EmotionLaneRow } from "../emotion/EmotionLaneRow.js";
import { useStructure } from "../store/useMapView.js";
import { AddLaneControl } from "./AddLaneControl.js";
import { EvidenceLegend } from "./EvidenceLegend.js";
import { BlueprintLineRow } from "./BlueprintLineRow.js";
import { blueprintLines } from "./blueprintLines.js";
import { focusKey } from "./createGridFocus.js";
import { useGrid } from "./GridContext.js";
import { CellHover, CellHoverContext } from "./CellHover.js";
import { COLUMN_WIDTH, TITLE_WIDTH } from "./gridSizes.js";
import { containsTarget, firstTarget, keyToMove, moveFocus, navModel } from "./gridNavigation.js";
import { LaneRow } from "./LaneRow.js";
import { StageHeader } from "./StageHeader.js";
import { StepHeader } from "./StepHeader.js";
import { useColumnWindow } from "./useColumnWindow.js";
import { useLaneWindow } from "./useLaneWindow.js";
import { useGridTabStop } from "./useGridTabStop.js";
import { useStructureActions } from "./useStructureActions.js";
import styles from "./MapGrid.module.css";

/**
 * The map grid: stages (colour bands, sticky headers) × steps (columns, parallel steps stacked) × lanes (rows with
 * sticky titles), blueprint lines, and the controls to add stages and lanes. One tab stop; the arrows and Home/End
 * move between cells, Tab leaves the grid, Enter edits, Escape leaves the editor. Used live in the editor and read-only
 * in shared views.
 */
export function MapGrid({
  label,
  variant = "screen",
  windowed = true,
}: {
  label: string;
  variant?: "screen" | "print";
  windowed?: boolean;
}) {
  const { t, dir } = useI18n();
  const grid = useGrid();
  const { focus, presence, readOnly, zoom } = grid;
  const structure = useStructure();
  const actions = useStructureActions();
  const rootRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const hover = useMemo(() => new CellHover(), []);
  const visibleLanes = useMemo(() => structure.lanes.filter((l) => !l.hidden), [structure.lanes]);
  const hiddenLanes = useMemo(() => structure.lanes.filter((l) => l.hidden), [structure.lanes]);
  const model = useMemo(
    () =>
      navModel(
        structure,
        visibleLanes.map((l) => l.id),
      ),
    [structure, visibleLanes],
  );
  const lines = useMemo(() => blueprintLines(visibleLanes), [visibleLanes]);
  const { range, reveal } = useColumnWindow(
    rootRef,
    structure.slots.length,
    COLUMN_WIDTH * zoom,
    TITLE_WIDTH * zoom,
    variant === "print" || !windowed,
  );
  const inRange = (i: number) => i >= range[0] && i < range[1];
  const shownLanes = useLaneWindow(visibleLanes, structure.slots, range, zoom, variant === "print" || !windowed);
  const allLanesShown = shownLanes === visibleLanes.length;

  // Put the browser's focus where the grid's focus was moved to, first rendering its column if it is scrolled away.
  const slotOfKey = useCallback(
    (key: string): number => {
      const [kind, a, b] = key.split(":");
      const stepId = kind === "cell" ? b : kind === "step" ? a : undefined;
      if (stepId) return structure.slots.findIndex((s) => s.steps.some((st) => st.id === stepId));
      if (kind === "stage") return structure.slots.findIndex((s) => s.stageId === a);
      return -1;
    },
    [structure.slots],
  );
  const applyDomFocus = useCallback(() => {
    const key = focus.pendingDomFocus;
    if (!key) return;
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`);
    if (el) {
      const scrollOnly = focus.pendingScrollOnly;
      focus.clearDomFocus();
      if (scrollOnly) el.scrollIntoView({ block: "nearest", inline: "nearest" });
      else el.focus();
      return;
    }
    const slot = slotOfKey(key);
    if (slot >= 0 && !inRangeRef.current(slot)) reveal(slot);
    else focus.clearDomFocus();
  }, [focus, slotOfKey, reveal]);
  const inRangeRef = useRef(inRange);
  inRangeRef.current = inRange;
  useEffect(() => focus.subscribe("dom", applyDomFocus), [focus, applyDomFocus]);
  useLayoutEffect(applyDomFocus);
  // A timing mark for `bench/mapEditor.ts`: the grid is in the DOM.
  useLayoutEffect(() => void performance.mark("cjm:grid-rendered"), []);

  // Keep a tab stop on the grid: the first cell at the start, and again when the focused thing is deleted.
  useEffect(() => {
    const current = focus.current;
    if (current && containsTarget(model, current)) return;
    const hadDomFocus = !!rootRef.current?.contains(document.activeElement) && document.activeElement !== document.body;
    const first = firstTarget(model);
    focus.set(first, false, !!first && (hadDomFocus || (!!current && document.activeElement === document.body)));
  }, [model, focus]);

  useGridTabStop(gridRef, focus, model);

  // Tell collaborators where this user is.
  useEffect(() => {
    if (!presence) return;
    const publish = () => presence.setFocus(focus.current ? focusKey(focus.current) : null);
    publish();
    return focus.subscribe("*", publish);
  }, [focus, presence]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (focus.isEditing || e.defaultPrevented) return;
    if (!(e.target as HTMLElement).dataset.focusKey) return;
    const move = keyToMove(e, dir === "rtl");
    if (move) {
      const next = moveFocus(model, focus.current, move);
      if (next) {
        e.preventDefault();
        focus.set(next, false, true);
      } else e.preventDefault();
      return;
    }
    if ((e.key === "Enter" || e.key === "F2") && focus.current?.kind === "cell" && !readOnly) {
      const lane = structure.lanes.find((l) => l.id === (focus.current as { laneId: string }).laneId);
      if (lane && !lane.collapsed) {
        e.preventDefault();
        focus.setEditing(true);
      }
    }
  };

  let row = 3;
  const laneRows = visibleLanes.slice(0, shownLanes).map((lane, i) => {
    const before = lines.get(lane.id);
    const lineRow = before ? row++ : 0;
    const laneRow = row++;
    const props = {
      lane,
      row: laneRow,
      rowIndex: i + 3,
      slots: structure.slots,
      range,
      first: i === 0,
      last: i === visibleLanes.length - 1,
      actions,
    };
    return (
      <div
        key={lane.id}
        role="row"
        aria-rowindex={i + 3}
        className={styles.row}
        data-testid="lane-row"
        data-lane-id={lane.id}
      >
        {before && <BlueprintLineRow row={lineRow} lines={before} />}
        {lane.type === "emotion" ? <EmotionLaneRow {...props} /> : <LaneRow {...props} />}
      </div>
    );
  });

  // Columns after the journey's goal hold its optional steps (after-purchase care): drawn as such.
  const goalSlot = structure.slots.findIndex((s) => s.steps.some((st) => st.goal));
  let colIndex = 1;
  const stageSpans = structure.stages.map((stage, index) => {
    const first = structure.slots.findIndex((s) => s.stageId === stage.id);
    const span = structure.slots.filter((s) => s.stageId === stage.id).length;
    return { stage, index, column: 2 + first, span, shown: first < range[1] && first + span > range[0] };
  });
  // The grid is laid out at 100 % and scaled with CSS zoom, so everything in it — the cells' own content included —
  // scales alike; only measures taken outside it (the scroll position, pointer coordinates) see zoomed pixels.
  const gridStyle = {
    zoom,
    "--zoom": 1,
    "--col-w": `${COLUMN_WIDTH}px`,
    "--title-w": `${TITLE_WIDTH}px`,
    gridTemplateColumns: `var(--title-w) repeat(${structure.slots.length}, var(--col-w)) ${readOnly ? "" : "auto"}`,
  } as CSSProperties;

  return (
    <div
      ref={rootRef}
      className={variant === "print" ? styles.printViewport : styles.viewport}
      style={{ scrollPaddingInlineStart: TITLE_WIDTH * zoom, scrollPaddingBlockStart: 80 * zoom }}
      data-testid="map-viewport"
    >
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-rowcount={visibleLanes.length + 2}
        aria-colcount={model.columns.length + 1}
        aria-readonly={readOnly || undefined}
        className={styles.grid}
        style={gridStyle}
        onKeyDown={onKeyDown}
        onPointerOver={(e) => hover.follow(e.target)}
        onPointerLeave={() => hover.set(null)}
        data-testid="map-grid"
      >
        <CellHoverContext.Provider value={hover}>
          <div role="row" aria-rowindex={1} className={styles.row}>
            <div role="columnheader" aria-colindex={1} className={styles.corner}>
              <EvidenceLegend />
            </div>
            {stageSpans.map(
              ({ stage, index, column, span, shown }) =>
                shown && (
                  <StageHeader
                    key={stage.id}
                    stage={stage}
                    index={index}
                    count={stageSpans.length}
                    column={column}
                    span={span}
                    actions={actions}
                  />
                ),
            )}
            {!readOnly && (
              <div
                role="gridcell"
                className={styles.addStage}
                style={{ gridColumn: 2 + structure.slots.length }}
                // A Tab stop only on a map without stages: else the last stage's menu adds one (Shift+F10).
                data-grid-controls={structure.stages.length === 0 ? "" : undefined}
              >
                <button
                  type="button"
                  tabIndex={structure.stages.length === 0 ? undefined : -1}
                  onClick={() => actions.addStage(structure.stages.at(-1))}
                  data-testid="add-stage"
                  aria-label={t("editor.stage.add")}
                  title={t("editor.stage.add")}
                >
                  +{structure.stages.length === 0 ? ` ${t("editor.stage.add")}` : ""}
                </button>
              </div>
            )}
          </div>
          <div role="row" aria-rowindex={2} className={styles.row}>
            {structure.slots.map((slot, i) => {
              const firstCol = colIndex + 1;
              colIndex += Math.max(1, slot.steps.length);
              if (!inRange(i)) return null;
              return (
                <div key={slot.key} role="presentation" className={styles.stepSlot} style={{ gridColumn: 2 + i }}>
                  {slot.steps.map((step, j) => {
                    const stageColor = structure.stages.find((s) => s.id === step.stageId)?.color;
                    return (
                      <StepHeader
                        key={step.id}
                        step={step}
                        colIndex={firstCol + j}
                        first={structure.steps[0] === step}
                        last={structure.steps.at(-1) === step}
                        stageColor={stageColor}
                        afterGoal={goalSlot >= 0 && i > goalSlot}
                        actions={actions}
                      />
                    );
                  })}
                  {slot.steps.length === 0 && !readOnly && (
                    <div role="gridcell">
                      {/* The stage's menu adds a step from the keyboard (Shift+F10 on its header). */}
                      <button
                        type="button"
                        tabIndex={-1}
                        className={styles.addStep}
                        onClick={() => actions.addStep(slot.stageId)}
                      >
                        + {t("editor.step.add")}
                      </button>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          {laneRows}
          {/* A row of its own: a grid holds only rows, and rows only cells. */}
          {allLanesShown && (!readOnly || hiddenLanes.length > 0) && (
            <div role="row" className={styles.row} data-grid-controls="">
              <AddLaneControl row={row} hidden={hiddenLanes} actions={actions} />
            </div>
          )}
        </CellHoverContext.Provider>
      </div>
    </div>
  );
}
