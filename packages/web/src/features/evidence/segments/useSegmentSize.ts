import type { SegmentRule, SegmentSize } from "@opencjm/core";
import { useEffect, useState } from "react";
import { fetchSegmentSize } from "../api/evidenceApi.js";

/** Pause after typing before the segment is counted again. */
const DEBOUNCE_MS = 300;

/** The live size of a segment rule (debounced while it is edited); undefined while counting or without a rule. */
export function useSegmentSize(
  workspaceId: string,
  rule: SegmentRule | undefined,
): { size: SegmentSize | undefined; error: unknown } {
  const key = rule ? JSON.stringify(rule) : "";
  const [state, setState] = useState<{ key: string; size?: SegmentSize; error?: unknown }>({ key: "" });
  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchSegmentSize(workspaceId, JSON.parse(key) as SegmentRule, abort.signal).then(
        (size) => setState({ key, size }),
        (error: unknown) => !abort.signal.aborted && setState({ key, error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [workspaceId, key]);
  return state.key === key ? { size: state.size, error: state.error } : { size: undefined, error: undefined };
}
