import type { NotificationList, NotificationSettings, NotificationUnreadCount } from "@opencjm/core";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/apiClient.js";

const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
  latest: ["notifications", "latest"] as const,
  settings: ["notifications", "settings"] as const,
};

/** How often the bell asks for the unread count while the page is open (it also asks when the window regains focus). */
const UNREAD_POLL_MS = 30_000;

/** The bell's number: my unread notifications, kept fresh on an interval and on focus. */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<NotificationUnreadCount>("/api/notifications/unread-count"),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** My latest notifications, newest first. */
export function latestNotificationsQuery() {
  return queryOptions({
    queryKey: notificationKeys.latest,
    queryFn: () => api.get<NotificationList>("/api/notifications?limit=20"),
  });
}

/** My notification settings (e-mail when mentioned). */
export function notificationSettingsQuery() {
  return queryOptions({
    queryKey: notificationKeys.settings,
    queryFn: () => api.get<NotificationSettings>("/api/notifications/settings"),
  });
}

/** Marks one notification read, or all of them without an id; the bell and the list follow. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notificationId?: string) =>
      notificationId
        ? api.post(`/api/notifications/${encodeURIComponent(notificationId)}/read`)
        : api.post("/api/notifications/read-all"),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Saves whether I get an e-mail when mentioned. */
export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) =>
      api.patch<NotificationSettings>("/api/notifications/settings", settings),
    onSuccess: (saved) => client.setQueryData(notificationKeys.settings, saved),
  });
}
