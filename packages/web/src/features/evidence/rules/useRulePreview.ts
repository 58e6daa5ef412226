import type { RuleMatch, RuleMatches } from "@opencjm/core";
import { useEffect, useState } from "react";
import { previewRule } from "../api/evidenceApi.js";

/** How long typing must pause before the counts are asked for, so each keystroke does not cost a query. */
const DEBOUNCE_MS = 300;

/** Counts what a rule matches (the API's preview; component tests give their own). */
export type RuleCounter = (workspaceId: string, rule: RuleMatch, signal: AbortSignal) => Promise<RuleMatches>;

/** Live counts of what a rule being edited matches; undefined while it cannot match anything or is being counted. */
export function useRulePreview(
  workspaceId: string,
  rule: RuleMatch | null,
  count: RuleCounter = previewRule,
): { matches: RuleMatches | undefined; error: unknown } {
  const [state, setState] = useState<{ key: string; matches?: RuleMatches; error?: unknown }>({ key: "" });
  const key = rule ? JSON.stringify(rule) : "";
  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      count(workspaceId, JSON.parse(key) as RuleMatch, abort.signal).then(
        (matches) => setState({ key, matches }),
        (error: unknown) => !abort.signal.aborted && setState({ key, error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [workspaceId, key, count]);
  return state.key === key ? { matches: state.matches, error: state.error } : { matches: undefined, error: undefined };
}
