import { useEffect, useState } from "react";
import { previewRule } from "../api/evidenceApi.js";
import type { RuleMatch, RuleMatches } from "../api/evidenceTypes.js";

/** How long typing must pause before the counts are asked for, so each keystroke does not cost a query. */
const DEBOUNCE_MS = 300;

/** Live counts of what a rule being edited matches; undefined while it cannot match anything or is being counted. */
export function useRulePreview(workspaceId: string, rule: RuleMatch | null): { matches: RuleMatches | undefined; error: unknown } {
  const [state, setState] = useState<{ key: string; matches?: RuleMatches; error?: unknown }>({ key: "" });
  const key = rule ? JSON.stringify(rule) : "";
  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      previewRule(workspaceId, JSON.parse(key) as RuleMatch, abort.signal).then(
        (matches) => setState({ key, matches }),
        (error: unknown) => !abort.signal.aborted && setState({ key, error }),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [workspaceId, key]);
  return state.key === key ? { matches: state.matches, error: state.error } : { matches: undefined, error: undefined };
}
