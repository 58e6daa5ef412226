import { LANE_TYPES, type Lane } from "@opencjm/core";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { useGrid } from "./GridContext.js";
import { LaneTypeIcon } from "./LaneTypeIcon.js";
import type { StructureActions } from "./useStructureActions.js";
import styles from "./AddLaneControl.module.css";

/** Under the last lane: add a lane of any type, and bring back hidden lanes. */
export function AddLaneControl({
  row,
  hidden,
  actions,
}: {
  row: number;
  hidden: readonly Lane[];
  actions: StructureActions;
}) {
  const t = useT();
  const { readOnly } = useGrid();
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>("button")?.focus();
  }, [open]);
  if (readOnly && hidden.length === 0) return null;

  return (
    <div className={styles.bar} style={{ gridRow: row }}>
      {!readOnly && (
        <div className={styles.anchor}>
          <button
            type="button"
            className={styles.add}
            aria-expanded={open}
            aria-haspopup="menu"
            data-testid="add-lane"
            onClick={() => setOpen(!open)}
          >
            + {t("editor.lane.add")}
          </button>
          {open && (
            <div
              ref={listRef}
              role="menu"
              aria-label={t("editor.lane.chooseType")}
              className={styles.menu}
              onKeyDown={(e) => {
                const items = [...(listRef.current?.querySelectorAll<HTMLElement>("button") ?? [])];
                const at = items.indexOf(document.activeElement as HTMLElement);
                if (e.key === "Escape") setOpen(false);
                if (e.key === "ArrowDown") items[(at + 1) % items.length]?.focus();
                if (e.key === "ArrowUp") items[(at - 1 + items.length) % items.length]?.focus();
                if (["Escape", "ArrowDown", "ArrowUp"].includes(e.key)) e.preventDefault();
              }}
            >
              {LANE_TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  role="menuitem"
                  data-lane-type={type}
                  onClick={() => {
                    setOpen(false);
                    actions.addLane(type);
                  }}
                >
                  <LaneTypeIcon type={type} /> {t(`vocabulary.laneType.${type}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {hidden.length > 0 && (
        <div className={styles.hidden} data-testid="hidden-lanes">
          <span>{t("editor.lane.hiddenCount", { count: hidden.length })}</span>
          {hidden.map((lane) => (
            <button
              key={lane.id}
              type="button"
              disabled={readOnly}
              onClick={() => actions.setHidden(lane, false)}
              title={t("editor.lane.show")}
            >
              <LaneTypeIcon type={lane.type} size={14} />{" "}
              <bdi>{lane.name || t(`vocabulary.laneType.${lane.type}`)}</bdi>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
