import { z } from "zod";

/** What can happen in a workspace that its activity log keeps (PRODUCT.md §4.8). */
export const ACTIVITY_ACTIONS = [
  "map.created",
  "map.renamed",
  "map.restored",
  "map.deleted",
  "member.invited",
  "member.joined",
  "member.removed",
  "member.role_changed",
  "member.left",
  "ownership.transferred",
  "data.imported",
  "share_link.created",
  "share_link.revoked",
  "research.erased",
] as const;
export const ActivityActionSchema = z.enum(ACTIVITY_ACTIONS);
export type ActivityAction = z.infer<typeof ActivityActionSchema>;

/** The few words an entry shows (a map's title, a role, an e-mail, a count), kept small and flat. */
export const ActivityDataSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
);
export type ActivityData = z.infer<typeof ActivityDataSchema>;

/** One entry of the activity log as GET …/activity lists it. */
export const ActivityEntrySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  mapId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: ActivityActionSchema,
  data: ActivityDataSchema,
  createdAt: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/** Query of GET …/activity: newest first, a page at a time, optionally one map's or one person's. */
export const ActivityListQuerySchema = z.object({
  mapId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(200).optional(),
});
export type ActivityListQuery = z.input<typeof ActivityListQuerySchema>;

/** Answer of GET …/activity; `nextCursor` is the `before` of the next (older) page, null on the last one. */
export const ActivityListSchema = z.object({
  entries: z.array(ActivityEntrySchema),
  nextCursor: z.string().nullable(),
});
export type ActivityList = z.infer<typeof ActivityListSchema>;
