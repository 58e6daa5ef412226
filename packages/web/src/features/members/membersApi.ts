import type {
  InvitationAccepted,
  InvitationCreated,
  InvitationInfo,
  Locale,
  MemberInfo,
  Role,
  Session,
} from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** The members of a workspace with their roles. */
export function fetchMembers(workspaceId: string): Promise<MemberInfo[]> {
  return api.get<MemberInfo[]>(`${base(workspaceId)}/members`);
}

/** The workspace's invitations, open and accepted (owners only). */
export function fetchInvitations(workspaceId: string): Promise<InvitationInfo[]> {
  return api.get<InvitationInfo[]>(`${base(workspaceId)}/invitations`);
}

/** Invites an e-mail with a role; the answer carries the one-time link, shown once. */
export function inviteMember(workspaceId: string, email: string, role: Role): Promise<InvitationCreated> {
  return api.post<InvitationCreated>(`${base(workspaceId)}/invitations`, { email, role });
}

/** Withdraws an invitation: its link stops working. */
export function revokeInvitation(workspaceId: string, invitationId: string): Promise<unknown> {
  return api.delete(`${base(workspaceId)}/invitations/${encodeURIComponent(invitationId)}`);
}

/** Gives a member another role. */
export function changeMemberRole(workspaceId: string, userId: string, role: Role): Promise<MemberInfo> {
  return api.patch<MemberInfo>(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`, { role });
}

/** Removes a member; with the caller's own id, leaves the workspace. */
export function removeMember(workspaceId: string, userId: string): Promise<unknown> {
  return api.delete(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`);
}

/** Hands the caller's ownership to another member in one step; the caller becomes an editor. */
export function transferOwnership(workspaceId: string, toUserId: string): Promise<unknown> {
  return api.post(`${base(workspaceId)}/ownership`, { userId: toUserId });
}

/** Accepts an invitation as the signed-in person. */
export function acceptInvitation(token: string): Promise<InvitationAccepted> {
  return api.post<InvitationAccepted>("/api/invitations/accept", { token });
}

/** Creates an account with the invitation: the new person joins its workspace in the same request. */
export function signUpWithInvitation(input: {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  invitation: string;
}): Promise<Session> {
  return api.post<Session>("/api/auth/signup", input);
}
