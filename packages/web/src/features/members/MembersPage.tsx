import type { InvitationInfo, MemberInfo, Role } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../app/Button.js";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { QueryView } from "../../app/QueryView.js";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { ConfirmAction } from "./ConfirmAction.js";
import { InvitationList } from "./InvitationList.js";
import { invitationUrl, InviteDialog } from "./InviteDialog.js";
import { MemberList } from "./MemberList.js";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation, transferOwnership } from "./membersApi.js";
import { invitationListQuery, memberListQuery, useReloadMembers } from "./membersQueries.js";
import { useMemberProblem } from "./memberProblems.js";
import styles from "./Members.module.css";

/** A change that asks first: what the dialog says and what it does once confirmed. */
interface Pending {
  title: string;
  message: string;
  confirmLabel: string;
  run: () => Promise<void>;
}

/**
 * Who belongs to a workspace. Owners invite by e-mail with a role (and get the link to copy), see and revoke pending
 * invitations, change roles, remove members and hand ownership over; everyone can leave.
 */
export default function MembersPage({ workspaceId }: { workspaceId: string }) {
  const { session } = useSession();
  const canManage = session?.workspaces.find((w) => w.id === workspaceId)?.role === "owner";
  const members = useQuery(memberListQuery(workspaceId));
  const invitations = useQuery({ ...invitationListQuery(workspaceId), enabled: canManage });
  if (!session) return <LoadingScreen />;
  return (
    <QueryView queries={[members]}>
      {(memberList) =>
        canManage ? (
          <QueryView queries={[invitations]}>
            {(open) => <MembersScreen workspaceId={workspaceId} members={memberList} invitations={open} />}
          </QueryView>
        ) : (
          <MembersScreen workspaceId={workspaceId} members={memberList} invitations={[]} />
        )
      }
    </QueryView>
  );
}

function MembersScreen({
  workspaceId,
  members,
  invitations,
}: {
  workspaceId: string;
  members: MemberInfo[];
  invitations: InvitationInfo[];
}) {
  const t = useT();
  const problem = useMemberProblem();
  const { session, refresh } = useSession();
  const [, navigate] = useLocation();
  const load = useReloadMembers(workspaceId);
  // Links made on this visit, by invitation id: the server only keeps a hash of each token.
  const [links, setLinks] = useState<Record<string, string>>({});
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);

  const workspace = session?.workspaces.find((w) => w.id === workspaceId);
  const myUserId = session?.user.id ?? "";
  const canManage = workspace?.role === "owner";
  const workspaceName = workspace?.name ?? "";

  /** Runs a change, then shows the lists (and, when the caller's own role moved, the session) as they now are. */
  const apply = async (change: () => Promise<unknown>, afterwards: () => Promise<void> = load) => {
    setError(null);
    try {
      await change();
      await afterwards();
    } catch (err) {
      setError(problem(err));
      await load();
    } finally {
      setPending(null);
    }
  };

  const handleChangeRole = (member: MemberInfo, role: Role) =>
    void apply(() => changeMemberRole(workspaceId, member.userId, role));
  const handleTransfer = (member: MemberInfo) =>
    setPending({
      title: t("members.transfer"),
      message: t("members.transferConfirm", { name: member.name, workspace: workspaceName }),
      confirmLabel: t("members.transfer"),
      run: () =>
        apply(
          () => transferOwnership(workspaceId, member.userId),
          async () => {
            await refresh();
            await load();
          },
        ),
    });
  const handleRemove = (member: MemberInfo) =>
    setPending({
      title: t("members.remove"),
      message: t("members.removeConfirm", { name: member.name, workspace: workspaceName }),
      confirmLabel: t("members.remove"),
      run: () => apply(() => removeMember(workspaceId, member.userId)),
    });
  const handleRevoke = (invitation: InvitationInfo) =>
    setPending({
      title: t("members.revoke"),
      message: t("members.revokeConfirm", { email: invitation.email }),
      confirmLabel: t("members.revoke"),
      run: () => apply(() => revokeInvitation(workspaceId, invitation.id)),
    });
  const handleLeave = () =>
    setPending({
      title: t("members.leave"),
      message: t("members.leaveConfirm", { workspace: workspaceName }),
      confirmLabel: t("members.leave"),
      run: () =>
        apply(
          () => removeMember(workspaceId, myUserId),
          async () => {
            await refresh();
            navigate("~/", { replace: true });
          },
        ),
    });
  const handleInvite = async (email: string, role: Role) => {
    const created = await inviteMember(workspaceId, email, role);
    setLinks((known) => ({ ...known, [created.id]: invitationUrl(created) }));
    await load();
    return created;
  };

  return (
    <div className={styles.page} data-testid="members-page">
      <header className={styles.header}>
        <div>
          <h1>{t("members.title")}</h1>
          <p className={styles.lead}>{t("members.lead", { workspace: workspaceName })}</p>
        </div>
        {canManage && (
          <Button variant="primary" onClick={() => setInviting(true)} data-testid="invite-member">
            {t("members.invite")}
          </Button>
        )}
      </header>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <MemberList
        members={members}
        myUserId={myUserId}
        canManage={canManage}
        actions={{ onChangeRole: handleChangeRole, onTransfer: handleTransfer, onRemove: handleRemove }}
      />
      {canManage && (
        <section className={styles.section} aria-labelledby="pending-invitations">
          <h2 id="pending-invitations">{t("members.pending")}</h2>
          <InvitationList invitations={invitations} links={links} now={Date.now()} onRevoke={handleRevoke} />
        </section>
      )}
      <div className={styles.footer}>
        <Button variant="danger" onClick={handleLeave} data-testid="leave-workspace">
          {t("members.leave")}
        </Button>
      </div>
      {inviting && (
        <InviteDialog workspaceName={workspaceName} onInvite={handleInvite} onClose={() => setInviting(false)} />
      )}
      {pending && (
        <ConfirmAction
          title={pending.title}
          message={pending.message}
          confirmLabel={pending.confirmLabel}
          onConfirm={pending.run}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}
