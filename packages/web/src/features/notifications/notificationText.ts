import type { NotificationInfo } from "@opencjm/core";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The sentence a notification shows, from its kind and the few words it carries (all rendered as text, never HTML). */
export function notificationText(t: Translate, n: NotificationInfo): string {
  const who = n.actorName ?? t("notifications.someone");
  const word = (key: string) => (typeof n.data[key] === "string" ? String(n.data[key]) : "");
  switch (n.kind) {
    case "mention":
      return t("notifications.mention", { who, map: word("mapTitle") });
    case "reply":
      return t("notifications.reply", { who, map: word("mapTitle") });
    case "invitation":
      return t("notifications.invitation", { who, workspace: word("workspaceName") || n.workspaceName });
    case "import":
      return n.data.status === "done"
        ? t("notifications.importDone", { file: word("fileName"), count: Number(n.data.eventsStored ?? 0) })
        : t("notifications.importFailed", { file: word("fileName") });
    case "idea":
      return t("notifications.idea", { title: word("title"), status: word("status") });
  }
}

/** Where a notification leads: its map, the customer data, the ideas, or its workspace (absolute app paths). */
export function notificationHref(n: NotificationInfo): string {
  const base = `/w/${encodeURIComponent(n.workspaceId)}`;
  if (n.mapId) return `${base}/maps/${encodeURIComponent(n.mapId)}`;
  if (n.kind === "import") return `${base}/data`;
  if (n.kind === "idea") return `${base}/ideas`;
  return base;
}
