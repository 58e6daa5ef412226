import { roleAllows, type CommentAnchor, type Role } from "@opencjm/core";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { anchorKey } from "./anchorKey.js";
import {
  CommentBadgesContext,
  CommentsStateContext,
  type CommentBadges,
  type CommentsState,
} from "./CommentsContext.js";
import { CommentsPanel } from "./CommentsPanel.js";
import { useCommentThreads, type StatelessSource } from "./useCommentThreads.js";
import styles from "./Comments.module.css";

/**
 * The comments of the map open in the editor: fetches its threads and keeps them live, gives the grid's badges their
 * counts, and shows the comments panel when a badge or the header button opens it. Commenters and up may write;
 * everyone who may open the map reads.
 */
export function CommentsProvider({
  workspaceId,
  mapId,
  meId,
  role,
  live,
  children,
}: {
  workspaceId: string;
  mapId: string;
  meId: string;
  role: Role | undefined;
  live: StatelessSource | null;
  children: ReactNode;
}) {
  const { threads, loading, failed } = useCommentThreads(workspaceId, mapId, meId, live);
  // undefined: closed; null: every thread of the map; an anchor: that anchor's threads.
  const [target, setTarget] = useState<CommentAnchor | null | undefined>(undefined);
  // Where the focus was when the panel opened (a badge, a cell, the header button): it goes back there on closing,
  // rather than falling to the page when the panel's field goes away.
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((anchor?: CommentAnchor) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest("[data-comments-panel]")) opener.current = active;
    setTarget(anchor ?? null);
  }, []);
  const close = useCallback(() => {
    setTarget(undefined);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }, []);
  const canComment = !!role && roleAllows(role, "comment");
  const openCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const thread of threads) {
      if (thread.status !== "open") continue;
      const key = anchorKey(thread.anchor);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }, [threads]);
  const badges = useMemo<CommentBadges>(() => ({ openCounts, canComment, open }), [openCounts, canComment, open]);
  const state = useMemo<CommentsState>(
    () => ({ ...badges, workspaceId, mapId, meId, isOwner: role === "owner", threads, loading, failed }),
    [badges, workspaceId, mapId, meId, role, threads, loading, failed],
  );
  return (
    <CommentBadgesContext.Provider value={badges}>
      <CommentsStateContext.Provider value={state}>
        {/* The panel lies over the editor (its header and grid), never over the app's top bar and its bell. */}
        <div className={styles.host}>
          {children}
          {target !== undefined && <CommentsPanel anchor={target} onShowAll={() => setTarget(null)} onClose={close} />}
        </div>
      </CommentsStateContext.Provider>
    </CommentBadgesContext.Provider>
  );
}
