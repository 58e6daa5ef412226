import type { CommentInfo, CommentThread, MemberInfo } from "@opencjm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useContext, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.js";
import { GridContext } from "../mapEditor/grid/GridContext.js";
import { CommentComposer } from "./CommentComposer.js";
import { commentThreadsKey, deleteComment, editComment, replyToThread, setThreadResolved } from "./commentsApi.js";
import { useCommentsState } from "./CommentsContext.js";
import { CommentText } from "./CommentText.js";
import { useAnchorLabel } from "./useAnchorLabel.js";
import { useCommentError } from "./useCommentError.js";
import styles from "./Comments.module.css";

/**
 * One thread: what it is about (or that its card or step was deleted), its comments with who wrote them and when,
 * and — for people who may comment — reply, resolve or reopen, and edit or delete their own comments (owners may
 * delete any).
 */
export function ThreadView({
  thread,
  members,
  onOpenAnchor,
}: {
  thread: CommentThread;
  members: readonly MemberInfo[];
  /** Shows only this thread's anchor in the panel; absent when the panel already does. */
  onOpenAnchor?: () => void;
}) {
  const { t } = useI18n();
  const state = useCommentsState();
  const queryClient = useQueryClient();
  const errorOf = useCommentError();
  const label = useAnchorLabel(thread.anchor);
  const ref = { workspaceId: state.workspaceId, mapId: state.mapId, threadId: thread.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentThreadsKey(state.mapId) });
  const resolve = useMutation({
    mutationFn: (resolved: boolean) => setThreadResolved(ref, resolved),
    onSuccess: refresh,
  });
  const resolved = thread.status === "resolved";

  return (
    <article
      className={styles.thread}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      aria-label={label ?? t("comments.anchor.deleted")}
    >
      <header className={styles.threadHead}>
        {onOpenAnchor && !thread.onDeletedContent ? (
          <button type="button" className={styles.anchorLink} onClick={onOpenAnchor} dir="auto">
            {label ?? t("comments.anchor.deleted")}
          </button>
        ) : (
          <span className={styles.anchorLabel} dir="auto">
            {label ?? t("comments.anchor.deleted")}
          </span>
        )}
        {thread.onDeletedContent && (
          <span className={styles.deleted} data-testid="on-deleted-content">
            {t("comments.thread.onDeletedContent")}
          </span>
        )}
        {resolved && <span className={styles.resolvedTag}>{t("comments.thread.resolved")}</span>}
      </header>
      <ol className={styles.comments}>
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} threadRef={ref} members={members} onChanged={refresh} />
        ))}
      </ol>
      {resolve.isError && (
        <p className={styles.problem} role="alert">
          {errorOf(resolve.error)}
        </p>
      )}
      {state.canComment && (
        <>
          {!resolved && (
            <CommentComposer
              members={members}
              label={t("comments.composer.reply")}
              submitLabel={t("comments.action.reply")}
              onSubmit={async (body) => {
                await replyToThread(ref, body);
                await refresh();
              }}
            />
          )}
          <div className={styles.actions}>
            <button
              type="button"
              className="btn btn-small"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(!resolved)}
            >
              {resolved ? t("comments.action.reopen") : t("comments.action.resolve")}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

/** One comment, with edit and delete for its author (and delete for owners). */
function CommentItem({
  comment,
  threadRef,
  members,
  onChanged,
}: {
  comment: CommentInfo;
  threadRef: { workspaceId: string; mapId: string; threadId: string };
  members: readonly MemberInfo[];
  onChanged: () => Promise<unknown>;
}) {
  const { t, formatDate } = useI18n();
  const state = useCommentsState();
  const errorOf = useCommentError();
  const grid = useContext(GridContext);
  const [editing, setEditing] = useState(false);
  const mine = comment.author.userId === state.meId;
  const remove = useMutation({
    mutationFn: () => deleteComment(threadRef, comment.id),
    onSuccess: onChanged,
  });
  const author = comment.author.name || t("comments.comment.formerMember");

  return (
    <li className={styles.comment} data-testid="comment">
      <div className={styles.meta}>
        <strong dir="auto">{author}</strong>
        <time dateTime={comment.createdAt}>
          {formatDate(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {comment.editedAt && <span className={styles.edited}>{t("comments.comment.edited")}</span>}
      </div>
      {editing ? (
        <CommentComposer
          members={members}
          label={t("comments.composer.edit")}
          submitLabel={t("comments.action.save")}
          initial={{ text: comment.text, mentions: comment.mentions }}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await editComment(threadRef, comment.id, body);
            await onChanged();
            setEditing(false);
          }}
        />
      ) : (
        <CommentText text={comment.text} mentions={comment.mentions} meId={state.meId} />
      )}
      {state.canComment && !editing && (mine || state.isOwner) && (
        <div className={styles.commentActions}>
          {mine && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(true)}>
              {t("comments.action.edit")}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={remove.isPending}
            onClick={async () => {
              const message = t("comments.comment.deleteConfirm");
              if (await (grid ? grid.confirm(message) : Promise.resolve(window.confirm(message)))) remove.mutate();
            }}
          >
            {t("comments.action.delete")}
          </button>
        </div>
      )}
      {remove.isError && (
        <p className={styles.problem} role="alert">
          {errorOf(remove.error)}
        </p>
      )}
    </li>
  );
}
