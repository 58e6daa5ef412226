import { z } from "zod";
import { IdSchema } from "../ids.js";

/** Longest comment, in characters. */
export const COMMENT_TEXT_MAX = 10_000;
/** Most members one comment may mention. */
export const COMMENT_MENTIONS_MAX = 50;

/**
 * What a thread is about: the map as a whole, a card, a step, a cell (a lane at a step), or an idea of the workspace
 * (discussed on a map it is linked to). Anchors are ids, so a thread follows its card when the card moves, and comes
 * back in place when a restored version brings the card back.
 */
export const CommentAnchorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("map") }),
  z.strictObject({ kind: z.literal("card"), cardId: IdSchema }),
  z.strictObject({ kind: z.literal("step"), stepId: IdSchema }),
  z.strictObject({ kind: z.literal("cell"), laneId: IdSchema, stepId: IdSchema }),
  z.strictObject({ kind: z.literal("idea"), ideaId: IdSchema }),
]);
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>;
export type CommentAnchorKind = CommentAnchor["kind"];
export const COMMENT_ANCHOR_KINDS = [
  "map",
  "card",
  "step",
  "cell",
  "idea",
] as const satisfies readonly CommentAnchorKind[];

/** The text of a comment and the members it mentions (user ids; each must be a member of the workspace). */
export const CommentBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(COMMENT_TEXT_MAX),
  mentions: z.array(IdSchema).max(COMMENT_MENTIONS_MAX).default([]),
});
export type CommentBodyInput = z.input<typeof CommentBodySchema>;

/** Body of POST …/maps/{mapId}/comment-threads: where the thread is and its first comment. */
export const CommentThreadCreateSchema = CommentBodySchema.extend({ anchor: CommentAnchorSchema });
export type CommentThreadCreateInput = z.input<typeof CommentThreadCreateSchema>;

/** Body of PATCH …/comment-threads/{threadId}: resolve (true) or reopen (false). */
export const CommentThreadUpdateSchema = z.strictObject({ resolved: z.boolean() });

/** Query of GET …/maps/{mapId}/comment-threads. */
export const CommentThreadListQuerySchema = z.object({
  status: z.enum(["open", "resolved", "all"]).default("all"),
  anchorKind: z.enum(COMMENT_ANCHOR_KINDS).optional(),
});

/** A person as comments show them: id and name (kept after they leave the workspace). */
export const CommentPersonSchema = z.object({ userId: z.string(), name: z.string() });
export type CommentPerson = z.infer<typeof CommentPersonSchema>;

/** One comment of a thread. Its text is plain text, shown as text, never as HTML. */
export const CommentSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: CommentPersonSchema,
  text: z.string(),
  mentions: z.array(CommentPersonSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type CommentInfo = z.infer<typeof CommentSchema>;

/** A thread with its comments, oldest first; `onDeletedContent` when its card, step, cell or idea no longer exists. */
export const CommentThreadSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  anchor: CommentAnchorSchema,
  status: z.enum(["open", "resolved"]),
  onDeletedContent: z.boolean(),
  createdBy: CommentPersonSchema,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: CommentPersonSchema.nullable(),
  comments: z.array(CommentSchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/** Answer of GET …/maps/{mapId}/comment-threads. */
export const CommentThreadListSchema = z.object({ threads: z.array(CommentThreadSchema) });
export type CommentThreadList = z.infer<typeof CommentThreadListSchema>;

/** The stateless message the collaboration socket sends everyone on a map after a thread of it changed. */
export const CommentsChangedMessageSchema = z.object({ type: z.literal("comments"), threadId: z.string() });
export type CommentsChangedMessage = z.infer<typeof CommentsChangedMessageSchema>;
