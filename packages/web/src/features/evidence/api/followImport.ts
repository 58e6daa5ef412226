import type { ImportProgress, ImportRecord } from "./evidenceTypes.js";
import { importEventsUrl } from "./evidenceApi.js";

/** What an import's event stream reports. */
export type ImportUpdate = { type: "progress"; progress: ImportProgress } | { type: "done" | "failed"; record: ImportRecord };

/**
 * Follows an import's progress over server-sent events until it is done or failed. Returns a function that stops
 * listening. A dropped stream is reported as `failed` only by the server; the browser reconnects on its own.
 */
export function followImport(workspaceId: string, importId: string, onUpdate: (update: ImportUpdate) => void): () => void {
  const source = new EventSource(importEventsUrl(workspaceId, importId));
  source.addEventListener("progress", (e) => onUpdate({ type: "progress", progress: JSON.parse((e as MessageEvent<string>).data) as ImportProgress }));
  for (const type of ["done", "failed"] as const) {
    source.addEventListener(type, (e) => {
      source.close();
      onUpdate({ type, record: JSON.parse((e as MessageEvent<string>).data) as ImportRecord });
    });
  }
  return () => source.close();
}
