/** Escapes a string for use inside a regular expression. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * Whether an event name matches a rule's exact names or wildcard pattern (`*` any run, `?` one character). The
 * pattern becomes an anchored regular expression without nested quantifiers, so hostile patterns stay linear.
 */
export function eventNameMatcher(rule: { eventNames: readonly string[]; pattern?: string }): (name: string) => boolean {
  const names = new Set(rule.eventNames);
  const re =
    rule.pattern === undefined
      ? undefined
      : new RegExp(
          `^${rule.pattern
            .split("")
            .map((c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : escape(c)))
            .join("")}$`,
          "u",
        );
  return (name) => names.has(name) || (re !== undefined && re.test(name));
}
