import type { Idea, MemberInfo } from "@opencjm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CommentComposer } from "../comments/CommentComposer.js";
import { commentThreadsKey, createCommentThread, fetchCommentThreads, replyToThread } from "../comments/commentsApi.js";
import { CommentText } from "../comments/CommentText.js";
import styles from "./Ideas.module.css";

/** The first map the idea is linked to: its thread lives there, beside the map's other threads. */
function ideaThreadMapId(idea: Idea): string | undefined {
  return idea.anchors[0]?.mapId ?? idea.steps[0]?.mapId;
}

/**
 * An idea's discussion: the team's comment threads about it (on the first map it is linked to), with replies and
 * mentions; a first comment starts the thread. An idea on no map has nowhere to keep one yet, and says so.
 */
export function IdeaComments({
  workspaceId,
  idea,
  members,
  canComment,
}: {
  workspaceId: string;
  idea: Idea;
  members: readonly MemberInfo[];
  canComment: boolean;
}) {
  const { t, formatDate } = useI18n();
  const client = useQueryClient();
  const mapId = ideaThreadMapId(idea);
  const threads = useQuery({
    queryKey: commentThreadsKey(mapId ?? ""),
    queryFn: () => fetchCommentThreads(workspaceId, mapId!),
    enabled: mapId !== undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: commentThreadsKey(mapId ?? "") });
  const mine = (threads.data ?? []).filter((th) => th.anchor.kind === "idea" && th.anchor.ideaId === idea.id);
  const open = mine.find((th) => th.status === "open");

  return (
    <section aria-label={t("ideas.comments.title")} data-testid="idea-comments">
      <h3>{t("ideas.comments.title")}</h3>
      {mapId === undefined ? (
        <p className={styles.muted}>{t("ideas.comments.noMap")}</p>
      ) : (
        <>
          {threads.isSuccess && mine.length === 0 && <p className={styles.muted}>{t("ideas.comments.none")}</p>}
          {threads.isError && <p role="alert">{t("comments.panel.loadFailed")}</p>}
          {mine.map((thread) => (
            <ol key={thread.id} className={styles.history} data-status={thread.status}>
              {thread.comments.map((c) => (
                <li key={c.id}>
                  <strong>
                    <bdi>{c.author.name}</bdi>
                  </strong>{" "}
                  <span className={styles.muted}>{formatDate(c.createdAt)}</span>
                  <p dir="auto">
                    <CommentText text={c.text} mentions={c.mentions} meId="" />
                  </p>
                </li>
              ))}
            </ol>
          ))}
          {canComment && (
            <CommentComposer
              members={members}
              label={open ? t("comments.composer.reply") : t("comments.composer.start")}
              submitLabel={open ? t("comments.action.reply") : t("comments.action.comment")}
              onSubmit={async (body) => {
                if (open) await replyToThread({ workspaceId, mapId, threadId: open.id }, body);
                else await createCommentThread(workspaceId, mapId, { kind: "idea", ideaId: idea.id }, body);
                await refresh();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
