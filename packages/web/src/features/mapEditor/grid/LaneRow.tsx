import type { Lane } from "@opencjm/core";
import { memo } from "react";
import type { Slot } from "../store/MapView.js";
import { GridCell } from "./GridCell.js";
import { LaneHeader } from "./LaneHeader.js";
import type { StructureActions } from "./useStructureActions.js";
import styles from "./LaneRow.module.css";

/** A card lane: its sticky title and one cell per step, parallel steps' cells stacked in their shared column. */
export const LaneRow = memo(function LaneRow({ lane, row, rowIndex, slots, first, last, actions }: { lane: Lane; row: number; rowIndex: number; slots: readonly Slot[]; first: boolean; last: boolean; actions: StructureActions }) {
  let colIndex = 1;
  return (
    <>
      <LaneHeader lane={lane} row={row} rowIndex={rowIndex} first={first} last={last} actions={actions} />
      {slots.map((slot, i) => (
        <div key={slot.key} role="presentation" className={styles.slot} style={{ gridRow: row, gridColumn: 2 + i }}>
          {slot.steps.map((step) => {
            colIndex += 1;
            return <GridCell key={step.id} lane={lane} step={step} collapsed={lane.collapsed} rowIndex={rowIndex} colIndex={colIndex} />;
          })}
          {slot.steps.length === 0 && <div className={styles.empty} />}
        </div>
      ))}
    </>
  );
});
