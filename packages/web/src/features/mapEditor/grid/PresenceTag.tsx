import type { PresenceUser } from "../../../collab/createPresence.js";
import styles from "./PresenceTag.module.css";

/** The name of the collaborator(s) in a cell or header, on a tag in their colour. */
export function PresenceTag({ users }: { users: readonly PresenceUser[] }) {
  const first = users[0]!;
  return (
    <span className={styles.tag} style={{ background: first.color }} data-testid="presence-tag">
      <bdi>{first.name}</bdi>
      {users.length > 1 && <span> +{users.length - 1}</span>}
    </span>
  );
}
