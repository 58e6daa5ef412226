import type { ImportRecord } from "@opencjm/analytics";
import type { Services } from "../services.js";

/**
 * Tells the person who started an event import how it ended (an in-app notification) and, when it stored events,
 * records it in the workspace's activity log. Never throws: the import's own record is what counts.
 */
export async function reportImportOutcome(
  services: Services,
  workspaceId: string,
  startedBy: string | undefined,
  record: ImportRecord,
): Promise<void> {
  const data = {
    fileName: record.fileName,
    status: record.status,
    eventsStored: record.eventsStored,
    rowsRead: record.rowsRead,
    error: record.error?.message ?? null,
  };
  try {
    if (record.status === "done") {
      await services.activity.record({
        workspaceId,
        actorId: startedBy ?? null,
        action: "data.imported",
        data: { ...data, sourceId: record.sourceId, importId: record.importId },
      });
    }
    if (startedBy) {
      await services.notifications.notify([
        { userId: startedBy, workspaceId, kind: "import", actorId: null, subjectId: record.importId, data },
      ]);
    }
  } catch (err) {
    console.error("could not report the end of import", record.importId, err);
  }
}
