import { roleAllows } from "@opencjm/core";
import { useSession } from "../../app/SessionProvider.js";

/** Whether the signed-in person may change the workspace's research (editors and owners; others only read). */
export function useCanWriteResearch(workspaceId: string): boolean {
  const role = useSession().roleIn(workspaceId);
  return !!role && roleAllows(role, "write");
}
