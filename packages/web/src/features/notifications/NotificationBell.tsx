import * as Popover from "@radix-ui/react-popover";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { notificationHref, notificationText } from "./notificationText.js";
import {
  latestNotificationsQuery,
  notificationSettingsQuery,
  unreadCountQuery,
  useMarkRead,
  useSaveNotificationSettings,
} from "./notificationsQueries.js";
import styles from "./Notifications.module.css";

/**
 * The bell in the top bar: the number of unread notifications (asked again every half minute and when the window
 * regains focus), and a popover listing the latest ones, each a link that marks it read; mark all read; and whether
 * mentions are also e-mailed.
 */
export function NotificationBell() {
  const { t, formatRelative } = useI18n();
  const [open, setOpen] = useState(false);
  const unread = useQuery(unreadCountQuery()).data?.unread ?? 0;
  const latest = useQuery({ ...latestNotificationsQuery(), enabled: open });
  const settings = useQuery({ ...notificationSettingsQuery(), enabled: open });
  const markRead = useMarkRead();
  const saveSettings = useSaveNotificationSettings();
  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className={styles.bell} aria-label={label} data-testid="notification-bell">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className={styles.badge} data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className={styles.panel} align="end" sideOffset={6} data-testid="notification-panel">
          <div className={styles.head}>
            <h2 className={styles.title}>{t("notifications.title")}</h2>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              {t("notifications.markAllRead")}
            </button>
          </div>
          {latest.isError ? (
            <p role="alert" className={styles.empty}>
              {t("notifications.loadFailed")}
            </p>
          ) : latest.data && latest.data.notifications.length === 0 ? (
            <p className={styles.empty}>{t("notifications.empty")}</p>
          ) : (
            <ul className={styles.list}>
              {latest.data?.notifications.map((n) => (
                <li key={n.id} className={n.readAt ? styles.read : styles.unread} data-testid="notification-item">
                  <Link
                    href={`~${notificationHref(n)}`}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    <span className={styles.text}>{notificationText(t, n)}</span>
                    {typeof n.data.excerpt === "string" && <span className={styles.excerpt}>{n.data.excerpt}</span>}
                    <span className={styles.meta}>
                      {n.workspaceName} · {formatRelative(n.createdAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <label className={styles.setting}>
            <input
              type="checkbox"
              checked={settings.data?.emailMentions ?? false}
              disabled={!settings.data || saveSettings.isPending}
              onChange={(e) => saveSettings.mutate({ emailMentions: e.target.checked })}
            />
            {t("notifications.emailMentions")}
          </label>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
