import { MAX_CONVERSION_WINDOW_HOURS, type CaseDurations, type MapMetrics } from "@opencjm/core";
import { cliText } from "../cliLanguage.js";
import { formatDuration, printable } from "./analyzeCommand.js";

/**
 * The process analyst's part of `cjm analyze`: the conversion window in force, case durations overall and the
 * throughput time of each listed path variant, and the directly-follows graph's most frequent transitions (at most
 * `edges`) with their counts, customers and mean time.
 */
export function formatProcessReport(m: MapMetrics, cases: CaseDurations, edges: number): string {
  const out: string[] = [];
  const hours = m.options.conversionWindowHours;
  out.push(
    hours >= MAX_CONVERSION_WINDOW_HOURS
      ? cliText("analyze.windowNone", { hours: String(hours) })
      : cliText("analyze.window", { hours: String(hours) }),
  );
  const label = new Map(m.paths.nodes.map((n) => [n.id, printable(n.label)]));
  const path = (nodes: string[]) => nodes.map((n) => label.get(n) ?? printable(n)).join(" → ");
  out.push(
    "",
    cliText("analyze.cases", {
      count: String(cases.cases.count),
      median: formatDuration(cases.cases.medianMs),
      p90: formatDuration(cases.cases.p90Ms),
    }),
  );
  if (cases.variants.length) {
    out.push(cliText("analyze.casesByPath"));
    for (const v of cases.variants)
      out.push(
        `  ${String(v.customers).padStart(8)}  ${formatDuration(v.duration.medianMs).padStart(9)}  ${formatDuration(v.duration.p90Ms).padStart(9)}  ${path(v.nodes)}`,
      );
  }
  const shown = m.paths.edges.slice(0, edges);
  if (shown.length) {
    out.push(
      "",
      cliText("analyze.dfg", {
        shown: String(shown.length),
        total: String(m.paths.edges.length + m.paths.edgesOmitted),
      }),
    );
    for (const e of shown)
      out.push(
        `  ${String(e.count).padStart(8)}  ${String(e.customers).padStart(8)}  ${formatDuration(e.meanMs).padStart(9)}  ${path([e.from])} → ${path([e.to])}`,
      );
  }
  return out.join("\n");
}
