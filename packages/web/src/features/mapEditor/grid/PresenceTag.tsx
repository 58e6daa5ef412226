import type { PresenceUser } from "../../../collab/createPresence.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./PresenceTag.module.css";

/** The name of the collaborator(s) in a cell or header, on a tag in their colour. */
export function PresenceTag({ users }: { users: readonly PresenceUser[] }) {
  const { formatNumber } = useI18n();
  const first = users[0]!;
  return (
    <span className={styles.tag} style={{ background: first.color }} data-testid="presence-tag">
      <bdi>{first.name}</bdi>
      {users.length > 1 && <span> +{formatNumber(users.length - 1)}</span>}
    </span>
  );
}
