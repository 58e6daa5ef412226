import { COMMENT_ANCHOR_KINDS, type CommentAnchor, type CommentAnchorKind, type CommentThread } from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { Button } from "../../app/Button.js";
import { useT } from "../../i18n/I18nProvider.js";
import { anchorKey } from "./anchorKey.js";
import { CommentComposer } from "./CommentComposer.js";
import { commentMembersKey, commentThreadsKey, createCommentThread, fetchMentionableMembers } from "./commentsApi.js";
import { useCommentsState } from "./CommentsContext.js";
import { ThreadView } from "./ThreadView.js";
import { useAnchorLabel } from "./useAnchorLabel.js";
import styles from "./Comments.module.css";

/** The filters of the map's thread list. */
interface Filters {
  status: "open" | "resolved";
  mine: boolean;
  mentionsMe: boolean;
  kind: CommentAnchorKind | "all";
}

/** Whether a thread passes the filters, for the reader `meId`. */
function matches(thread: CommentThread, filters: Filters, meId: string): boolean {
  if (thread.status !== filters.status) return false;
  if (filters.kind !== "all" && thread.anchor.kind !== filters.kind) return false;
  if (filters.mine && thread.createdBy.userId !== meId && !thread.comments.some((c) => c.author.userId === meId))
    return false;
  if (filters.mentionsMe && !thread.comments.some((c) => c.mentions.some((m) => m.userId === meId))) return false;
  return true;
}

/**
 * The comments side panel of the editor: either every thread of the map, filtered (open or resolved, mine, mentioning
 * me, by what they are on), or the threads of one card, step, cell or the map with a box to start a new one.
 */
export function CommentsPanel({
  anchor,
  onShowAll,
  onClose,
}: {
  /** null: every thread of the map. */
  anchor: CommentAnchor | null;
  onShowAll: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const state = useCommentsState();
  const titleId = useId();
  const members = useQuery({
    queryKey: commentMembersKey(state.workspaceId),
    queryFn: () => fetchMentionableMembers(state.workspaceId),
    enabled: state.canComment,
    staleTime: 60_000,
  });
  const memberList = members.data ?? [];

  return (
    <aside
      className={styles.panel}
      aria-labelledby={titleId}
      data-testid="comments-panel"
      data-comments-panel
      onKeyDown={(e) => e.key === "Escape" && !e.defaultPrevented && onClose()}
    >
      <header className={styles.panelHead}>
        <h2 id={titleId}>{t("comments.panel.title")}</h2>
        <button type="button" className={styles.close} aria-label={t("comments.action.close")} onClick={onClose}>
          ×
        </button>
      </header>
      {state.failed && (
        <p className={styles.problem} role="alert">
          {t("comments.panel.loadFailed")}
        </p>
      )}
      {anchor ? (
        <AnchorThreads anchor={anchor} members={memberList} onShowAll={onShowAll} />
      ) : (
        <AllThreads members={memberList} />
      )}
    </aside>
  );
}

/** Every thread of the map with the list's filters. */
function AllThreads({ members }: { members: Parameters<typeof ThreadView>[0]["members"] }) {
  const t = useT();
  const state = useCommentsState();
  const [filters, setFilters] = useState<Filters>({ status: "open", mine: false, mentionsMe: false, kind: "all" });
  const shown = useMemo(
    () => state.threads.filter((thread) => matches(thread, filters, state.meId)),
    [state.threads, filters, state.meId],
  );
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <>
      <div className={styles.filters} role="group" aria-label={t("comments.filter.label")}>
        <div className={styles.segmented}>
          {(["open", "resolved"] as const).map((status) => (
            <Button
              key={status}
              size="small"
              variant={filters.status === status ? "primary" : "secondary"}
              aria-pressed={filters.status === status}
              onClick={() => set({ status })}
            >
              {t(`comments.filter.${status}`)}
            </Button>
          ))}
        </div>
        <label>
          <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
          {t("comments.filter.mine")}
        </label>
        <label>
          <input type="checkbox" checked={filters.mentionsMe} onChange={(e) => set({ mentionsMe: e.target.checked })} />
          {t("comments.filter.mentionsMe")}
        </label>
        <label>
          {t("comments.filter.kind")}
          <select value={filters.kind} onChange={(e) => set({ kind: e.target.value as Filters["kind"] })}>
            <option value="all">{t("comments.filter.kindAll")}</option>
            {COMMENT_ANCHOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`comments.filter.kind_${kind}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.canComment && (
        <div className={styles.anchorBar}>
          <button type="button" className="btn btn-small" onClick={() => state.open({ kind: "map" })}>
            {t("comments.panel.newMapThread")}
          </button>
        </div>
      )}
      <div className={styles.list}>
        {state.loading ? (
          <p className={styles.empty}>{t("comments.panel.loading")}</p>
        ) : shown.length === 0 ? (
          <p className={styles.empty}>{t("comments.panel.empty")}</p>
        ) : (
          shown.map((thread) => (
            <ThreadView
              key={thread.id}
              thread={thread}
              members={members}
              onOpenAnchor={() => state.open(thread.anchor)}
            />
          ))
        )}
      </div>
    </>
  );
}

/** The threads of one anchor (open first), and a box to start one there. */
function AnchorThreads({
  anchor,
  members,
  onShowAll,
}: {
  anchor: CommentAnchor;
  members: Parameters<typeof ThreadView>[0]["members"];
  onShowAll: () => void;
}) {
  const t = useT();
  const state = useCommentsState();
  const queryClient = useQueryClient();
  const label = useAnchorLabel(anchor);
  const key = anchorKey(anchor);
  const threads = useMemo(
    () =>
      state.threads
        .filter((thread) => anchorKey(thread.anchor) === key)
        .sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1)),
    [state.threads, key],
  );
  return (
    <>
      <div className={styles.anchorBar}>
        <span className={styles.anchorLabel} dir="auto">
          {label ?? t("comments.anchor.deleted")}
        </span>
        <button type="button" className="btn btn-small btn-ghost" onClick={onShowAll}>
          {t("comments.panel.showAll")}
        </button>
      </div>
      <div className={styles.list}>
        {threads.length === 0 && <p className={styles.empty}>{t("comments.panel.emptyHere")}</p>}
        {threads.map((thread) => (
          <ThreadView key={thread.id} thread={thread} members={members} />
        ))}
        {state.canComment && label !== null && (
          <section className={styles.newThread} aria-label={t("comments.composer.start")}>
            <CommentComposer
              members={members}
              label={t("comments.composer.start")}
              submitLabel={t("comments.action.comment")}
              autoFocus
              onSubmit={async (body) => {
                await createCommentThread(state.workspaceId, state.mapId, anchor, body);
                await queryClient.invalidateQueries({ queryKey: commentThreadsKey(state.mapId) });
              }}
            />
          </section>
        )}
      </div>
    </>
  );
}
