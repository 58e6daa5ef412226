const KEY = "opencjm.workspace";

/** Remembers the workspace last opened on this device, so the next visit starts there. */
export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(KEY, workspaceId);
  } catch {
    // Private windows may refuse storage; the next visit then starts in the first workspace.
  }
}

/** The workspace to start in: the one last opened here if the user still belongs to it, else their first. */
export function startWorkspace<W extends { id: string }>(workspaces: readonly W[]): W | undefined {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(KEY);
  } catch {
    remembered = null;
  }
  return workspaces.find((w) => w.id === remembered) ?? workspaces[0];
}
