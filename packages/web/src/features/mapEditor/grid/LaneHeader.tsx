import type { Lane } from "@opencjm/core";
import { memo, useState, type CSSProperties, type ReactNode } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ColorSwatches } from "./ColorSwatches.js";
import { useFocusState, useGrid, usePresenceAt } from "./GridContext.js";
import { HeaderMenu, type MenuItem } from "./HeaderMenu.js";
import { InlineRename } from "./InlineRename.js";
import { LaneTypeIcon } from "./LaneTypeIcon.js";
import { PresenceTag } from "./PresenceTag.js";
import type { StructureActions } from "./useStructureActions.js";
import { useHeaderKeys } from "./useHeaderKeys.js";
import { useReorderDrag } from "./useReorderDrag.js";
import styles from "./LaneHeader.module.css";

/**
 * A lane's sticky title: type icon, name, collapse toggle, menu, drag handle, and extra content (the emotion legend).
 * The header is one stop of the grid's keyboard navigation; its mouse shortcuts (the collapse toggle, the legend's
 * persona pick) stay out of the tab order and are in its menu (Shift+F10), as the grid's other headers do.
 */
export const LaneHeader = memo(function LaneHeader({
  lane,
  row,
  rowIndex,
  first,
  last,
  actions,
  menuItems = [],
  children,
}: {
  lane: Lane;
  row: number;
  rowIndex: number;
  first: boolean;
  last: boolean;
  actions: StructureActions;
  /** The lane's own actions, listed first in its menu (the emotion lane's persona pick). */
  menuItems?: readonly MenuItem[];
  children?: ReactNode;
}) {
  const { t, dir } = useI18n();
  const { readOnly, focus } = useGrid();
  const key = `lane:${lane.id}`;
  const state = useFocusState(key);
  const others = usePresenceAt(key);
  const [menuOpen, setMenuOpen] = useState(false);
  const target = { kind: "lane", laneId: lane.id } as const;
  const drag = useReorderDrag({
    kind: "lane",
    id: lane.id,
    axis: "block",
    enabled: !readOnly,
    onDrop: (kind, id, side) => actions.drop(kind, id, { kind: "lane", id: lane.id }, side),
  });
  const onKeyDown = useHeaderKeys(
    "block",
    readOnly
      ? {}
      : {
          rename: () => actions.startRename(target),
          remove: () => void actions.deleteLane(lane),
          move: (d) => actions.moveLane(lane, d),
          menu: () => setMenuOpen(true),
        },
  );
  const name = lane.name || t(`vocabulary.laneType.${lane.type}`);

  return (
    <div
      role="rowheader"
      aria-rowindex={rowIndex}
      data-testid="lane-header"
      data-lane-id={lane.id}
      data-lane-type={lane.type}
      data-focus-key={key}
      data-drop={drag.dropSide ?? undefined}
      tabIndex={state === "idle" ? -1 : 0}
      className={styles.lane}
      style={
        {
          gridRow: row,
          // The lane's own colour, else its type's family tone (designTokens.css).
          "--lane-color": lane.color ?? "var(--lane-tone)",
          ...(menuOpen ? { zIndex: 20 } : {}),
        } as CSSProperties
      }
      // Only focus on the header itself selects it: a button inside it (a comment badge) taking the focus must not move
      // the grid's one tab stop here, before that button, or Tab from the button skips every cell.
      onFocus={(e) => e.target === e.currentTarget && state === "idle" && focus.set(target)}
      onKeyDown={onKeyDown}
      onDoubleClick={() => !readOnly && actions.startRename(target)}
      {...drag.props}
    >
      {others.length > 0 && <PresenceTag users={others} />}
      <div className={styles.title}>
        {!readOnly && (
          <button
            type="button"
            tabIndex={-1}
            className={styles.toggle}
            aria-expanded={!lane.collapsed}
            aria-label={lane.collapsed ? t("editor.lane.expand") : t("editor.lane.collapse")}
            onClick={() => actions.toggleCollapsed(lane)}
          >
            {lane.collapsed ? (dir === "rtl" ? "◂" : "▸") : "▾"}
          </button>
        )}
        <span className={styles.icon} title={t(`vocabulary.laneType.${lane.type}`)}>
          <LaneTypeIcon type={lane.type} />
        </span>
        {state === "editing" ? (
          <InlineRename
            value={lane.name}
            label={t("editor.lane.rename")}
            onCommit={(v) => (actions.renameLane(lane, v), actions.refocus(target))}
            onCancel={() => actions.refocus(target)}
          />
        ) : (
          <span className={styles.name} dir="auto">
            {name}
          </span>
        )}
        {!readOnly && state !== "editing" && (
          <HeaderMenu
            name={name}
            open={menuOpen}
            onOpenChange={setMenuOpen}
            items={[
              ...menuItems,
              { label: t("common.action.rename"), onSelect: () => actions.startRename(target) },
              {
                label: lane.collapsed ? t("editor.lane.expand") : t("editor.lane.collapse"),
                onSelect: () => actions.toggleCollapsed(lane),
              },
              { label: t("editor.lane.hide"), onSelect: () => actions.setHidden(lane, true) },
              { label: t("common.action.moveUp"), disabled: first, onSelect: () => actions.moveLane(lane, -1) },
              { label: t("common.action.moveDown"), disabled: last, onSelect: () => actions.moveLane(lane, 1) },
              { label: t("common.action.delete"), danger: true, onSelect: () => void actions.deleteLane(lane) },
            ]}
            extra={<ColorSwatches value={lane.color} onPick={(c) => actions.recolorLane(lane, c)} />}
          />
        )}
      </div>
      {!lane.collapsed && children}
    </div>
  );
});
