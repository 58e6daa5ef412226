import type { Locale, Role } from "@opencjm/core";
import { api } from "../api/apiClient.js";

/** A workspace as the API returns it, with the caller's role. */
export interface WorkspaceInfo {
  id: string;
  name: string;
  locale: string;
  createdAt: string;
  role: Role;
}

/** Creates a workspace; the caller becomes its owner. */
export function createWorkspace(input: { name: string; locale: Locale }): Promise<WorkspaceInfo> {
  return api.post<WorkspaceInfo>("/api/workspaces", input);
}
