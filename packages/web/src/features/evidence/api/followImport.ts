import type { ImportProgress, ImportRecord } from "@opencjm/core";
import { api, ApiRequestError } from "../../../api/apiClient.js";
import { importEventsUrl } from "./evidenceApi.js";

/** What an import's event stream reports. */
export type ImportUpdate =
  { type: "progress"; progress: ImportProgress } | { type: "done" | "failed"; record: ImportRecord };

/** How often the status is polled when the event stream is not available. */
const POLL_MS = 500;
/** How long a just-started import may be unknown to the status endpoint before that counts as an error. */
const UNKNOWN_GRACE_MS = 15_000;

/**
 * Follows an import's progress over server-sent events until it is done or failed, falling back to polling its
 * status when the stream cannot be opened (a proxy that buffers streams, an import not registered yet). Returns a
 * function that stops following.
 */
export function followImport(
  workspaceId: string,
  importId: string,
  onUpdate: (update: ImportUpdate) => void,
): () => void {
  let stopped = false;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (update: ImportUpdate) => {
    if (finished || stopped) return;
    if (update.type !== "progress") {
      finished = true;
      source.close();
      clearTimeout(timer);
    }
    onUpdate(update);
  };
  const statusUrl = importEventsUrl(workspaceId, importId).replace(/\/events$/, "");
  const started = Date.now();
  const poll = async () => {
    if (stopped || finished) return;
    try {
      const record = await api.get<ImportRecord>(statusUrl);
      if (record.status === "running") {
        if (record.progress) finish({ type: "progress", progress: record.progress });
      } else finish({ type: record.status, record });
    } catch (err) {
      // Not registered yet, or a network blip: keep asking for a while.
      if (
        !(err instanceof ApiRequestError) ||
        (err.status === 404 && Date.now() - started > UNKNOWN_GRACE_MS) ||
        (err.status !== 404 && err.status !== 0)
      )
        throw err;
    }
    if (!stopped && !finished) timer = setTimeout(() => void poll().catch(() => undefined), POLL_MS);
  };
  const source = new EventSource(importEventsUrl(workspaceId, importId));
  source.addEventListener("progress", (e) =>
    finish({ type: "progress", progress: JSON.parse((e as MessageEvent<string>).data) as ImportProgress }),
  );
  for (const type of ["done", "failed"] as const)
    source.addEventListener(type, (e) =>
      finish({ type, record: JSON.parse((e as MessageEvent<string>).data) as ImportRecord }),
    );
  source.onerror = () => {
    // A stream that ended or could not be opened: the status endpoint tells the rest.
    if (source.readyState === EventSource.CLOSED || !finished) {
      source.close();
      if (!timer) void poll().catch(() => undefined);
    }
  };
  return () => {
    stopped = true;
    source.close();
    clearTimeout(timer);
  };
}
