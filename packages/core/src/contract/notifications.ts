import { z } from "zod";

/** What a notification is about (PRODUCT.md §4.8): someone mentioned you, replied, invited you, or something you follow changed. */
export const NOTIFICATION_KINDS = ["mention", "reply", "invitation", "import", "idea"] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** The few words a notification shows (a map title, an excerpt, a state), kept small and flat. */
export const NotificationDataSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
);
export type NotificationData = z.infer<typeof NotificationDataSchema>;

/** One of my notifications as GET /api/notifications lists them. */
export const NotificationInfoSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  workspaceId: z.string(),
  workspaceName: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  mapId: z.string().nullable(),
  subjectId: z.string().nullable(),
  data: NotificationDataSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationInfo = z.infer<typeof NotificationInfoSchema>;

/** Query of GET /api/notifications: newest first, a page at a time (`before` is the last page's `nextCursor`). */
export const NotificationListQuerySchema = z.object({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z.string().max(200).optional(),
});

/** Answer of GET /api/notifications. */
export const NotificationListSchema = z.object({
  notifications: z.array(NotificationInfoSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** Answer of GET /api/notifications/unread-count. */
export const NotificationUnreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type NotificationUnreadCount = z.infer<typeof NotificationUnreadCountSchema>;

/** Answer of POST /api/notifications/read-all and …/{notificationId}/read: how many became read. */
export const NotificationsMarkedSchema = z.object({ marked: z.number().int().min(0) });

/** My notification settings (GET and PATCH /api/notifications/settings). */
export const NotificationSettingsSchema = z.object({ emailMentions: z.boolean() });
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** Body of PATCH /api/notifications/settings. */
export const NotificationSettingsUpdateSchema = z.strictObject({ emailMentions: z.boolean() });
