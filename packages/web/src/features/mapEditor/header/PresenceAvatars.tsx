import { useSyncExternalStore } from "react";
import type { Presence, PresenceUser } from "../../../collab/createPresence.js";
import { presenceColor } from "../../../collab/presenceColor.js";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./PresenceAvatars.module.css";

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]!, words.at(-1)!].map((w) => [...w][0]) : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toLocaleUpperCase();
}

/** Everyone on the map: this user first, then each collaborator once, in their presence colour. */
export function PresenceAvatars({ presence, me }: { presence: Presence; me: { id: string; name: string } }) {
  const t = useT();
  const others = useSyncExternalStore(
    (l) => presence.subscribe("others", l),
    () => presence.getOthers(),
  );
  const unique = new Map<string, PresenceUser>();
  for (const u of others) if (u.userId !== me.id && !unique.has(u.userId)) unique.set(u.userId, u);
  const people = [
    { userId: me.id, name: me.name, color: presenceColor(me.id), you: true },
    ...[...unique.values()].map((u) => ({ ...u, you: false })),
  ];
  return (
    <ul
      className={styles.list}
      aria-label={t("editor.presence.label", { count: people.length })}
      data-testid="presence"
    >
      {people.map((p) => (
        <li
          key={p.userId}
          className={styles.avatar}
          style={{ background: p.color }}
          title={p.you ? t("editor.presence.you", { name: p.name }) : p.name}
          data-testid="presence-avatar"
          data-user-name={p.name}
        >
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className={styles.srOnly}>{p.you ? t("editor.presence.you", { name: p.name }) : p.name}</span>
        </li>
      ))}
    </ul>
  );
}
