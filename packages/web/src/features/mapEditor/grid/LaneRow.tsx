import type { Lane } from "@opencjm/core";
import { memo } from "react";
import type { Slot } from "../store/MapView.js";
import type { ColumnRange } from "./useColumnWindow.js";
import { GridCell } from "./GridCell.js";
import { LaneHeader } from "./LaneHeader.js";
import type { StructureActions } from "./useStructureActions.js";
import styles from "./LaneRow.module.css";

/**
 * A card lane: its sticky title and one cell per step, parallel steps' cells stacked in their shared column. Only
 * the columns in `range` are rendered (the grid windows its columns).
 */
export const LaneRow = memo(function LaneRow({
  lane,
  row,
  rowIndex,
  slots,
  range,
  first,
  last,
  actions,
}: {
  lane: Lane;
  row: number;
  rowIndex: number;
  slots: readonly Slot[];
  range: ColumnRange;
  first: boolean;
  last: boolean;
  actions: StructureActions;
}) {
  let colIndex = 1;
  return (
    <>
      <LaneHeader lane={lane} row={row} rowIndex={rowIndex} first={first} last={last} actions={actions} />
      {slots.map((slot, i) => {
        const firstCol = colIndex + 1;
        colIndex += Math.max(1, slot.steps.length);
        if (i < range[0] || i >= range[1]) return null;
        return (
          <div key={slot.key} role="presentation" className={styles.slot} style={{ gridRow: row, gridColumn: 2 + i }}>
            {slot.steps.map((step, j) => (
              <GridCell
                key={step.id}
                lane={lane}
                step={step}
                collapsed={lane.collapsed}
                rowIndex={rowIndex}
                colIndex={firstCol + j}
              />
            ))}
            {slot.steps.length === 0 && <div className={styles.empty} />}
          </div>
        );
      })}
    </>
  );
});
