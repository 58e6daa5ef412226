import type { ExampleWorkspace, Locale, WorkspaceInfo } from "@opencjm/core";
import { api } from "../api/apiClient.js";

/** Creates a workspace; the caller becomes its owner. */
export function createWorkspace(input: { name: string; locale: Locale }): Promise<WorkspaceInfo> {
  return api.post<WorkspaceInfo>("/api/workspaces", input);
}

/** Creates a workspace filled with example personas and maps, owned by the caller. */
export function createExampleWorkspace(): Promise<ExampleWorkspace> {
  return api.post("/api/workspaces/demo");
}
