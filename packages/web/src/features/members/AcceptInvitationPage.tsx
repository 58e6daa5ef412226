import type { Session } from "@opencjm/core";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { AuthLayout } from "../auth/AuthLayout.js";
import { InvitedSignUpForm } from "./InvitedSignUpForm.js";
import { acceptInvitation } from "./membersApi.js";
import { memberProblemKey, useMemberProblem } from "./memberProblems.js";
import authStyles from "../auth/AuthPage.module.css";
import { Button, buttonClassName } from "../../app/Button.js";

// Answers that mean the link itself will never work: the page says so instead of offering the form again.
const DEAD_LINK = new Set(["members.linkUsed", "members.linkExpired", "members.linkInvalid"]);

/**
 * The page an invitation link opens (`/invite/<token>`, the API's `acceptPath`). A signed-in person accepts and goes
 * to the workspace; a new person signs up and joins in one step. A used, expired or revoked link says so.
 */
export default function AcceptInvitationPage({ token }: { token: string }) {
  const t = useT();
  const problem = useMemberProblem();
  const { session, setSession, refresh, signOut } = useSession();
  const [, navigate] = useLocation();
  const [deadLink, setDeadLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Words an error; a dead link replaces the page with its sentence. */
  const handleError = (err: unknown): string | null => {
    const key = memberProblemKey(err);
    if (key && DEAD_LINK.has(key)) {
      setDeadLink(t(key));
      return null;
    }
    return problem(err);
  };

  async function handleAccept() {
    setBusy(true);
    setError(null);
    try {
      const { workspaceId } = await acceptInvitation(token);
      await refresh();
      navigate(`/w/${workspaceId}`, { replace: true });
    } catch (err) {
      setError(handleError(err));
    } finally {
      setBusy(false);
    }
  }

  const handleSignedUp = (next: Session) => {
    setSession(next);
    const joined = next.workspaces[0];
    navigate(joined ? `/w/${joined.id}` : "/", { replace: true });
  };

  if (session === undefined) return <LoadingScreen />;
  return (
    <AuthLayout>
      {deadLink ? (
        <div className={authStyles.card} data-testid="invitation-dead">
          <h1>{t("members.acceptTitle")}</h1>
          <p role="alert" className={authStyles.error}>
            {deadLink}
          </p>
          <Link href={session ? "/" : "/signin"} className={buttonClassName()}>
            {session ? t("members.goHome") : t("auth.signIn")}
          </Link>
        </div>
      ) : session ? (
        <div className={authStyles.card} data-testid="accept-invitation">
          <h1>{t("members.acceptTitle")}</h1>
          <p>{t("members.acceptLead")}</p>
          <p>{t("members.acceptAs", { name: session.user.name, email: session.user.email })}</p>
          {error && (
            <p role="alert" className={authStyles.error}>
              {error}
            </p>
          )}
          <Button variant="primary" disabled={busy} onClick={() => void handleAccept()} data-testid="accept-button">
            {t("members.acceptButton")}
          </Button>
          <p className={authStyles.switch}>
            <Button variant="ghost" size="small" onClick={() => void signOut()}>
              {t("members.notYou")}
            </Button>
          </p>
        </div>
      ) : (
        <InvitedSignUpForm token={token} onSignedUp={handleSignedUp} onError={handleError} />
      )}
    </AuthLayout>
  );
}
