import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { fetchInvitations, fetchMembers } from "./membersApi.js";

const memberKeys = {
  members: (workspaceId: string) => ["workspace", workspaceId, "members"] as const,
  invitations: (workspaceId: string) => ["workspace", workspaceId, "invitations"] as const,
};

/** The members of a workspace with their roles. */
export function memberListQuery(workspaceId: string) {
  return queryOptions({ queryKey: memberKeys.members(workspaceId), queryFn: () => fetchMembers(workspaceId) });
}

/** The workspace's invitations, open and accepted (owners only). */
export function invitationListQuery(workspaceId: string) {
  return queryOptions({ queryKey: memberKeys.invitations(workspaceId), queryFn: () => fetchInvitations(workspaceId) });
}

/** Asks again for the members and invitations after a change to either; resolves once both are current. */
export function useReloadMembers(workspaceId: string): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: memberKeys.members(workspaceId) }),
      client.invalidateQueries({ queryKey: memberKeys.invitations(workspaceId) }),
    ]);
  };
}
