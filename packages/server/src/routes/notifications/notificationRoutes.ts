import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  NotificationsMarkedSchema,
  NotificationUnreadCountSchema,
} from "@opencjm/core";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireSession } from "../../http/callerMiddleware.js";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  notificationBelongsTo,
  saveMentionEmails,
  wantsMentionEmails,
} from "../../store/notificationStore.js";
import { errorResponses, jsonBody, jsonContent, named } from "../openApiSchemas.js";

const tags = ["Notifications"];
const Settings = named(NotificationSettingsSchema, "NotificationSettings");

const list = createRoute({
  method: "get",
  path: "/api/notifications",
  tags,
  summary: "Your notifications, newest first (a page at a time; `unread=true` for unread only)",
  request: { query: NotificationListQuerySchema },
  responses: {
    200: jsonContent(named(NotificationListSchema, "NotificationList"), "Notifications"),
    ...errorResponses,
  },
});
const unreadCount = createRoute({
  method: "get",
  path: "/api/notifications/unread-count",
  tags,
  summary: "How many of your notifications are unread (the bell's number)",
  responses: { 200: jsonContent(NotificationUnreadCountSchema, "Unread"), ...errorResponses },
});
const markOne = createRoute({
  method: "post",
  path: "/api/notifications/{notificationId}/read",
  tags,
  summary: "Mark one of your notifications read",
  request: { params: z.object({ notificationId: IdSchema }) },
  responses: { 200: jsonContent(NotificationsMarkedSchema, "Marked"), ...errorResponses },
});
const markAll = createRoute({
  method: "post",
  path: "/api/notifications/read-all",
  tags,
  summary: "Mark all your notifications read",
  responses: { 200: jsonContent(NotificationsMarkedSchema, "Marked"), ...errorResponses },
});
const getSettings = createRoute({
  method: "get",
  path: "/api/notifications/settings",
  tags,
  summary: "Your notification settings (e-mail when mentioned)",
  responses: { 200: jsonContent(Settings, "Settings"), ...errorResponses },
});
const updateSettings = createRoute({
  method: "patch",
  path: "/api/notifications/settings",
  tags,
  summary: "Change your notification settings",
  request: jsonBody(NotificationSettingsUpdateSchema),
  responses: { 200: jsonContent(Settings, "Settings"), ...errorResponses },
});

/**
 * A person's own notifications and settings. Signed-in sessions only: an inbox spans every workspace, which a token
 * limited to one workspace must not read.
 */
export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const caller = requireSession(c);
    const { unread, limit, before } = c.req.valid("query");
    const { db } = c.get("services");
    return c.json(await listNotifications(db, caller.userId, { unreadOnly: unread === "true", limit, before }), 200);
  });

  app.openapi(unreadCount, async (c) => {
    const caller = requireSession(c);
    return c.json({ unread: await countUnreadNotifications(c.get("services").db, caller.userId) }, 200);
  });

  app.openapi(markOne, async (c) => {
    const caller = requireSession(c);
    const { notificationId } = c.req.valid("param");
    const { db } = c.get("services");
    if (!(await notificationBelongsTo(db, caller.userId, notificationId))) throw notFound("notification");
    return c.json({ marked: await markNotificationsRead(db, caller.userId, notificationId) }, 200);
  });

  app.openapi(markAll, async (c) => {
    const caller = requireSession(c);
    return c.json({ marked: await markNotificationsRead(c.get("services").db, caller.userId) }, 200);
  });

  app.openapi(getSettings, async (c) => {
    const caller = requireSession(c);
    return c.json({ emailMentions: await wantsMentionEmails(c.get("services").db, caller.userId) }, 200);
  });

  app.openapi(updateSettings, async (c) => {
    const caller = requireSession(c);
    const { emailMentions } = c.req.valid("json");
    const { db } = c.get("services");
    await saveMentionEmails(db, caller.userId, emailMentions);
    return c.json({ emailMentions: await wantsMentionEmails(db, caller.userId) }, 200);
  });
}
