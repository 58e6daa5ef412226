import { useState } from "react";
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./FutureStateNotice.module.css";

/** What "Create future state" leaves in the history entry of the copy it opens: the map it was made from. */
export interface FutureStateOrigin {
  futureStateOf: { mapId: string; title: string };
}

/** The map a history entry's state says this one was just copied from, if it says so. */
function originIn(state: unknown): FutureStateOrigin["futureStateOf"] | null {
  const origin = (state as Partial<FutureStateOrigin> | null)?.futureStateOf;
  return origin && typeof origin.mapId === "string" && typeof origin.title === "string" ? origin : null;
}

/**
 * Says that the editor now shows the new future-state copy, not the map the user was on, with a way back to that
 * map: creating a future state opens the copy, which looks just like the original.
 */
export function FutureStateNotice({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const [origin, setOrigin] = useState(() => originIn(window.history.state));
  if (!origin) return null;
  return (
    <div role="status" className={styles.notice} data-testid="future-state-notice">
      <span>{t("compare.futureState.opened", { title: origin.title })}</span>
      <Link href={`~/w/${workspaceId}/maps/${origin.mapId}`} data-testid="future-state-back">
        {t("compare.futureState.back", { title: origin.title })}
      </Link>
      <button
        type="button"
        className={styles.close}
        onClick={() => setOrigin(null)}
        aria-label={t("common.action.close")}
      >
        ×
      </button>
    </div>
  );
}
