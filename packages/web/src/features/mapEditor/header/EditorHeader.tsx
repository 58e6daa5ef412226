import { Fragment, useRef, type ReactNode } from "react";
import { Link } from "wouter";
import type { Presence } from "../../../collab/createPresence.js";
import type { MapConnection } from "../../../collab/useMapDocument.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import type { MapEditor } from "../editing/MapEditor.js";
import { useSettings } from "../store/useMapView.js";
import { ConnectionStatus } from "./ConnectionStatus.js";
import { MoreToolsPopover } from "./MoreToolsPopover.js";
import { PresenceAvatars } from "./PresenceAvatars.js";
import { TitleField } from "./TitleField.js";
import { UndoRedoButtons } from "./UndoRedoButtons.js";
import { useToolbarFit } from "./useToolbarFit.js";
import { ZoomControl } from "./ZoomControl.js";
import styles from "./EditorHeader.module.css";

/** A tool on the editor's bar. */
export interface BarTool {
  id: string;
  node: ReactNode;
  /**
   * When the bar is too narrow, the order in which tools move under "More" (lowest first); absent for tools that stay,
   * such as one whose panel lives beside its button.
   */
  collapse?: number;
}

/**
 * What the bar gives up, in order, until it fits on one line (measured, never wrapped): the first collapsible tool
 * moves under "More", then the tools show their icons only (their names stay as accessible names and hints), then the
 * other collapsible tools move under "More" one by one, then the type and status badges go (they are in the settings).
 * Only then does the title give way (ellipsis).
 */
function giveWaySteps(tools: readonly BarTool[]): string[] {
  const collapsible = tools
    .filter((t) => t.collapse !== undefined)
    .sort((a, b) => a.collapse! - b.collapse!)
    .map((t) => t.id);
  return [...collapsible.slice(0, 1), "compact", ...collapsible.slice(1), "badges"];
}

/**
 * The editor's one compact bar: the way back, title, type and status; undo, zoom and search; who is here and the
 * connection; then the map's tools, the less used ones (settings, comparison, future state, activity) under "More".
 * It never wraps: on a narrow screen or in a long language it gives way step by step (see `giveWaySteps`).
 */
export function EditorHeader(props: {
  editor: MapEditor;
  presence: Presence | null;
  me: { id: string; name: string };
  connection: Pick<MapConnection, "status" | "unsyncedChanges">;
  zoom: number;
  onZoom: (zoom: number) => void;
  search: ReactNode;
  onOpenSettings: () => void;
  /** The tools on the bar (data, comments, history, presentation, export), in their order. */
  tools: readonly BarTool[];
  /** The tools under "More", after the map settings. */
  more: ReactNode;
}) {
  const { t, locale } = useI18n();
  const settings = useSettings();
  const { editor, tools } = props;
  const barRef = useRef<HTMLElement>(null);
  const steps = giveWaySteps(tools);
  const contentKey = [locale, settings.title, settings.type, settings.status, editor.readOnly, tools.length].join("|");
  const given = new Set(steps.slice(0, useToolbarFit(barRef, steps.length, contentKey)));
  const onBar = tools.filter((tool) => !given.has(tool.id));
  const underMore = tools.filter((tool) => given.has(tool.id));
  return (
    <header
      ref={barRef}
      className={styles.header}
      data-testid="editor-header"
      data-compact={given.has("compact") || undefined}
    >
      <Link href="/" className={styles.back} data-testid="back-to-maps">
        {t("editor.backToMaps")}
      </Link>
      <div className={styles.identity} data-fit>
        <TitleField
          title={settings.title}
          readOnly={editor.readOnly}
          onRename={(title) => editor.apply([{ op: "updateSettings", settings: { title } }])}
        />
        {!given.has("badges") && (
          <span className={styles.badges}>
            <span className={styles.badge} data-testid="map-type">
              {t(`vocabulary.mapType.${settings.type}`)}
            </span>
            <span className={styles.badge} data-status={settings.status} data-testid="map-status">
              {t(`vocabulary.mapStatus.${settings.status}`)}
            </span>
            {editor.readOnly && (
              <span className={`${styles.badge} ${styles.readOnly}`} data-testid="read-only">
                {t("editor.readOnly")}
              </span>
            )}
          </span>
        )}
      </div>
      <div className={styles.editing} role="toolbar" data-fit-watch aria-label={t("editor.toolbar")}>
        {!editor.readOnly && <UndoRedoButtons editor={editor} />}
        <ZoomControl zoom={props.zoom} onZoom={props.onZoom} />
        {props.search}
      </div>
      <span className={styles.spacer} />
      <div className={styles.status} data-fit-watch>
        {props.presence && <PresenceAvatars presence={props.presence} me={props.me} />}
        <ConnectionStatus
          status={props.connection.status}
          unsynced={props.connection.unsyncedChanges}
          readOnly={editor.readOnly}
        />
      </div>
      <div className={styles.tools}>
        {onBar.map((tool) => (
          <Fragment key={tool.id}>{tool.node}</Fragment>
        ))}
        <MoreToolsPopover onOpenSettings={props.onOpenSettings}>
          {underMore.map((tool) => (
            <Fragment key={tool.id}>{tool.node}</Fragment>
          ))}
          {props.more}
        </MoreToolsPopover>
      </div>
    </header>
  );
}
