import type { MapConnection } from "../../../collab/useMapDocument.js";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./ConnectionStatus.module.css";

/** The honest state of the live connection: saved, saving, connecting, or offline with the edits still waiting. */
export function ConnectionStatus({
  status,
  unsynced,
  readOnly,
}: {
  status: MapConnection["status"];
  unsynced: number;
  readOnly: boolean;
}) {
  const t = useT();
  const state =
    status === "disconnected" ? "offline" : status === "connecting" ? "connecting" : unsynced > 0 ? "saving" : "saved";
  return (
    <span
      className={styles.status}
      data-state={state}
      data-testid="connection-status"
      role="status"
      aria-live="polite"
      title={state === "saved" ? (readOnly ? t("editor.connection.live") : t("common.state.saved")) : undefined}
    >
      <span className={styles.dot} aria-hidden="true" />
      {state === "offline" && (readOnly ? t("editor.connection.offlineViewer") : t("editor.connection.offline"))}
      {state === "connecting" && t("editor.connection.connecting")}
      {state === "saving" && t("common.state.saving")}
      {/* All is well: the green dot says it on the bar, the words stay for screen readers and as its tooltip. */}
      {state === "saved" && (
        <span className="visually-hidden">{readOnly ? t("editor.connection.live") : t("common.state.saved")}</span>
      )}
      {unsynced > 0 && state !== "saved" && !readOnly && (
        <span className={styles.count}>{t("editor.connection.unsynced", { count: unsynced })}</span>
      )}
    </span>
  );
}
