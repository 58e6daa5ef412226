import { LANE_TYPES, type Lane } from "@opencjm/core";
import { Menu, MenuItem } from "../../../app/Menu.js";
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
  if (readOnly && hidden.length === 0) return null;

  return (
    <div role="gridcell" className={styles.bar} style={{ gridRow: row }}>
      {!readOnly && (
        <div className={styles.anchor}>
          <Menu
            label={`+ ${t("editor.lane.add")}`}
            testId="add-lane"
            buttonClassName={styles.add}
            panelClassName={styles.menu}
            side="top"
            align="start"
            caret={false}
          >
            {LANE_TYPES.map((type) => (
              <MenuItem key={type} data-lane-type={type} onSelect={() => actions.addLane(type)}>
                <LaneTypeIcon type={type} /> {t(`vocabulary.laneType.${type}`)}
              </MenuItem>
            ))}
          </Menu>
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
