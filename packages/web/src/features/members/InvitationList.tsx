import type { InvitationInfo } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CopyLinkButton } from "./CopyLinkButton.js";
import styles from "./Members.module.css";
import { Button } from "../../app/Button.js";

/**
 * The invitations nobody has accepted yet, for owners: whom, with which role, until when, a copy button for links made
 * on this visit (the server keeps only a hash of the token, so older links cannot be shown again) and revoke.
 */
export function InvitationList({
  invitations,
  links,
  now,
  onRevoke,
}: {
  invitations: InvitationInfo[];
  links: Record<string, string>;
  now: number;
  onRevoke: (invitation: InvitationInfo) => void;
}) {
  const { t, formatDate } = useI18n();
  const pending = invitations.filter((i) => i.acceptedAt === null);
  if (pending.length === 0) return <p className={styles.muted}>{t("members.pendingEmpty")}</p>;
  const hasHiddenLinks = pending.some((i) => !links[i.id]);
  return (
    <>
      <ul className={styles.list}>
        {pending.map((invitation) => {
          const expired = Date.parse(invitation.expiresAt) <= now;
          const link = links[invitation.id];
          return (
            <li
              key={invitation.id}
              className={styles.invitation}
              data-testid="invitation-row"
              data-email={invitation.email}
            >
              <bdi className={styles.invitationEmail}>{invitation.email}</bdi>
              <span className={styles.muted}>
                {t("members.invitedAs", { role: t(`common.role.${invitation.role}`) })}
              </span>
              {expired ? (
                <span className="badge badge-warning">{t("members.expired")}</span>
              ) : (
                <span className={styles.muted}>
                  {t("members.expiresOn", { date: formatDate(invitation.expiresAt, { dateStyle: "medium" }) })}
                </span>
              )}
              {link && !expired && <CopyLinkButton url={link} testId="copy-invitation-link" />}
              <Button
                variant="danger"
                size="small"
                onClick={() => onRevoke(invitation)}
                data-testid="revoke-invitation"
              >
                {t("members.revoke")}
              </Button>
            </li>
          );
        })}
      </ul>
      {hasHiddenLinks && <p className={styles.muted}>{t("members.linkShownOnce")}</p>}
    </>
  );
}
