import { ROLES, type InvitationCreated, type Role } from "@opencjm/core";
import { useState, type FormEvent } from "react";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { CopyLinkButton } from "./CopyLinkButton.js";
import { useMemberProblem } from "./memberProblems.js";
import styles from "./Members.module.css";

/** The full address of an invitation's accept page on this server. */
export const invitationUrl = (created: Pick<InvitationCreated, "acceptPath">): string =>
  new URL(created.acceptPath, window.location.origin).href;

/**
 * Invites an e-mail with a role, then says it went out by e-mail (SMTP configured) or shows the one-time link to copy
 * (without SMTP, or when sending failed: the invitation is kept and the owner sends the link themselves).
 * Editors are the default role: most people are invited to work on the maps.
 */
export function InviteDialog({
  workspaceName,
  onInvite,
  onClose,
}: {
  workspaceName: string;
  onInvite: (email: string, role: Role) => Promise<InvitationCreated>;
  onClose: () => void;
}) {
  const { t, formatDate } = useI18n();
  const problem = useMemberProblem();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const expires = (invitation: InvitationCreated) => formatDate(invitation.expiresAt, { dateStyle: "medium" });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await onInvite(email.trim(), role));
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("members.inviteTitle", { workspace: workspaceName })} onClose={onClose}>
      {created ? (
        <div className={styles.form}>
          {created.emailStatus === "sent" ? (
            <p className={styles.message} data-testid="invitation-emailed">
              {t("members.inviteEmailed", { email: created.email, date: expires(created) })}
            </p>
          ) : created.emailStatus === "failed" ? (
            <p role="alert" className={styles.error} data-testid="invitation-email-failed">
              {t("members.inviteEmailFailed", {
                email: created.email,
                reason: created.emailError ?? "",
                date: expires(created),
              })}
            </p>
          ) : (
            <p className={styles.message}>
              {t("members.inviteCreated", { email: created.email, date: expires(created) })}
            </p>
          )}
          {created.emailStatus !== "sent" && (
            <label className="field">
              {t("members.inviteLink")}
              <input
                className={`input ${styles.link}`}
                readOnly
                dir="ltr"
                value={invitationUrl(created)}
                data-testid="invitation-link"
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
          )}
          <div className={styles.actions}>
            {created.emailStatus !== "sent" && <CopyLinkButton url={invitationUrl(created)} />}
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t("common.action.done")}
            </button>
          </div>
        </div>
      ) : (
        <form className={styles.form} onSubmit={handleSubmit} aria-busy={busy} data-testid="invite-form">
          <label className="field">
            {t("members.inviteEmail")}
            <input
              className="input"
              type="email"
              name="inviteEmail"
              required
              maxLength={254}
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            {t("members.inviteRole")}
            <select className="input" name="inviteRole" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="button" className="btn" onClick={onClose}>
              {t("common.action.cancel")}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t("members.inviteSend")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
