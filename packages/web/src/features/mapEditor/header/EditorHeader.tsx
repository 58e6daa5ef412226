import type { ReactNode } from "react";
import { Link } from "wouter";
import type { Presence } from "../../../collab/createPresence.js";
import type { MapConnection } from "../../../collab/useMapDocument.js";
import { useT } from "../../../i18n/I18nProvider.js";
import type { MapEditor } from "../editing/MapEditor.js";
import { useSettings } from "../store/useMapView.js";
import { ConnectionStatus } from "./ConnectionStatus.js";
import { MoreToolsPopover } from "./MoreToolsPopover.js";
import { PresenceAvatars } from "./PresenceAvatars.js";
import { TitleField } from "./TitleField.js";
import { UndoRedoButtons } from "./UndoRedoButtons.js";
import { ZoomControl } from "./ZoomControl.js";
import styles from "./EditorHeader.module.css";

/**
 * The editor's one compact bar: the way back, title, type and status; undo, zoom and search; who is here and the
 * connection; then the map's tools, the less used ones (settings, comparison, future state, activity) under "More".
 * It never wraps: the title gives way (ellipsis) before anything else does.
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
  /** The tools always on the bar (data, comments, history, presentation, export). */
  tools: ReactNode;
  /** The tools under "More", after the map settings. */
  more: ReactNode;
}) {
  const t = useT();
  const settings = useSettings();
  const { editor } = props;
  return (
    <header className={styles.header} data-testid="editor-header">
      <Link href="/" className={styles.back} data-testid="back-to-maps">
        {t("editor.backToMaps")}
      </Link>
      <div className={styles.identity}>
        <TitleField
          title={settings.title}
          readOnly={editor.readOnly}
          onRename={(title) => editor.apply([{ op: "updateSettings", settings: { title } }])}
        />
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
      </div>
      <div className={styles.editing} role="toolbar" aria-label={t("editor.toolbar")}>
        {!editor.readOnly && <UndoRedoButtons editor={editor} />}
        <ZoomControl zoom={props.zoom} onZoom={props.onZoom} />
        {props.search}
      </div>
      <span className={styles.spacer} />
      <div className={styles.status}>
        {props.presence && <PresenceAvatars presence={props.presence} me={props.me} />}
        <ConnectionStatus
          status={props.connection.status}
          unsynced={props.connection.unsyncedChanges}
          readOnly={editor.readOnly}
        />
      </div>
      <div className={styles.tools}>
        {props.tools}
        <MoreToolsPopover onOpenSettings={props.onOpenSettings}>{props.more}</MoreToolsPopover>
      </div>
    </header>
  );
}
