import type { ActivityEntry } from "@opencjm/core";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The sentence an activity entry shows, from its action and the words it kept (rendered as text, never HTML). */
export function activityText(t: Translate, entry: ActivityEntry): string {
  const word = (key: string) => {
    const value = entry.data[key];
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  };
  const who = entry.actorName ?? t("activity.someone");
  const role = (key: string) => (word(key) ? t(`common.role.${word(key)}`) : "");
  return t(`activity.action.${entry.action}`, {
    who,
    title: word("title"),
    previousTitle: word("previousTitle"),
    member: word("name") || word("email"),
    role: role("role"),
    label: word("label"),
    file: word("fileName"),
    count: word("eventsStored"),
    // research.erased: what an erasure removed.
    participants: word("participants"),
    notes: word("notes"),
    highlights: word("highlights"),
    quotes: word("quotes"),
  });
}
