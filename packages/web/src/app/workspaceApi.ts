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

/** Creates a workspace filled with example personas and maps, owned by the caller. */
export function createExampleWorkspace(): Promise<WorkspaceInfo & { mapIds: string[] }> {
  return api.post("/api/workspaces/demo");
}
