import { computeCaseDurations, type MapMetrics } from "@opencjm/analytics";
import { MapMetricsRequestSchema, SegmentRuleSchema, type SegmentRule } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { mapMetricsInput, metricsForMap } from "../../commands/metricsForMap.js";
import { createEventDatabases } from "../../customerData/EventDatabases.js";
import { CliError, issueText, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { formatProcessReport } from "./processReport.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";

const AnalyzeOptions = z.strictObject({
  map: z.string().min(1),
  workspace: z.string().min(1),
  json: z.boolean().optional(),
  segment: z.string().optional(),
  persona: z.string().optional(),
  channel: z.array(z.string()).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  order: z.string().optional(),
  windowHours: z.string().optional(),
  sessionGap: z.string().optional(),
  top: z.string().optional(),
  edges: z.string().optional(),
});

/**
 * A segment from the command line: a JSON rule ({"match":"all","conditions":[…]}) or a shorthand list of
 * attribute conditions, `country=DE,plan!=free,age>=30` (all must hold).
 */
export function parseSegmentOption(text: string): SegmentRule {
  const trimmed = text.trim();
  let value: unknown;
  if (trimmed.startsWith("{")) {
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new CliError(cliText("optionNotJson", { option: "--segment" }));
    }
  } else {
    const ops = [
      [">=", "gte"],
      ["<=", "lte"],
      ["!=", "neq"],
      ["=", "eq"],
      [">", "gt"],
      ["<", "lt"],
    ] as const;
    value = {
      match: "all",
      conditions: trimmed.split(",").map((part) => {
        const found = ops.find(([sym]) => part.includes(sym));
        if (!found) throw new CliError(cliText("segmentNotCondition", { part }));
        const [attribute, raw] = [
          part.slice(0, part.indexOf(found[0])).trim(),
          part.slice(part.indexOf(found[0]) + found[0].length).trim(),
        ];
        const numeric = found[1] !== "eq" && found[1] !== "neq" && raw !== "" && Number.isFinite(Number(raw));
        return { attribute, operator: found[1], value: numeric ? Number(raw) : raw };
      }),
    };
  }
  const parsed = SegmentRuleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`--segment: ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issueText(issue)}`);
  }
  return parsed.data;
}

const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? "–" : x.toFixed(digits));

/** A duration for people: seconds, minutes, hours or days. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 60_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** User text made inert for a terminal: control characters (escape sequences among them) become "�". */
export function printable(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "\ufffd" : ch;
  }
  return out;
}

/** Display width: East Asian wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

/** A table for the terminal: the first column left-aligned, the others right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + " ".repeat(widths[i]! - width(c)) : " ".repeat(widths[i]! - width(c)) + c))
      .join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The readable report of `cjm analyze`: totals, a table per stage and step, conformance, unmapped events and top paths. */
export function formatMetricsReport(title: string, m: MapMetrics): string {
  const out: string[] = [];
  out.push(
    cliText("analyze.totals", {
      title: printable(title),
      customers: String(m.totals.customers),
      events: String(m.totals.events),
      onMap: String(m.totals.onMapEvents),
      unmapped: String(m.unmapped.events),
    }),
  );
  const header = [
    cliText("analyze.header.step"),
    cliText("analyze.header.customers"),
    cliText("analyze.header.share"),
    cliText("analyze.header.next"),
    cliText("analyze.header.conversion"),
    cliText("analyze.header.medianToNext"),
    cliText("analyze.header.p90"),
    cliText("analyze.header.timePerCustomer"),
    "CSAT",
    "NPS",
    "CES",
    cliText("analyze.header.emotion"),
    cliText("analyze.header.sentiment"),
  ];
  const rows: string[][] = [];
  for (const stage of m.stages) {
    rows.push([
      printable(stage.name),
      String(stage.customers),
      pct(stage.share),
      stage.conversion ? String(stage.conversion.converted) : "–",
      pct(stage.conversion?.rate ?? null),
      formatDuration(stage.conversion?.timeToNext.medianMs ?? null),
      formatDuration(stage.conversion?.timeToNext.p90Ms ?? null),
      formatDuration(stage.timeSpent.perCustomerMs),
      num(stage.scores.csat.mean),
      num(stage.scores.nps.score, 0),
      num(stage.scores.ces.mean),
      num(stage.emotion.value),
      num(stage.sentiment.mean),
    ]);
    for (const step of m.steps.filter((s) => s.stageId === stage.stageId)) {
      rows.push([
        `  ${printable(step.name)}`,
        String(step.customers),
        pct(step.share),
        step.conversion ? String(step.conversion.converted) : "–",
        pct(step.conversion?.rate ?? null),
        formatDuration(step.conversion?.timeToNext.medianMs ?? null),
        formatDuration(step.conversion?.timeToNext.p90Ms ?? null),
        formatDuration(step.timeSpent.perCustomerMs),
        num(step.scores.csat.mean),
        num(step.scores.nps.score, 0),
        num(step.scores.ces.mean),
        num(step.emotion.value),
        num(step.sentiment.mean),
      ]);
    }
  }
  out.push("", textTable(header, rows));
  const c = m.conformance;
  out.push(
    "",
    cliText("analyze.conformance", {
      conforming: String(c.conforming),
      customers: String(c.customers),
      share: pct(c.share),
      skips: String(c.withSkips),
      backSteps: String(c.withBackSteps),
      loops: String(c.withLoops),
    }),
  );
  if (c.missingTouchpoints.length)
    out.push(
      cliText("analyze.missingTouchpoints", {
        list: c.missingTouchpoints.map((t) => `${printable(t.label)} (${t.events})`).join(", "),
      }),
    );
  if (m.unmapped.items.length) {
    const listed = m.unmapped.items
      .slice(0, 10)
      .map((u) => `${printable(u.eventName)}${u.channel ? `/${printable(u.channel)}` : ""} (${u.events})`);
    if (m.unmapped.distinct > 10) listed.push(cliText("analyze.more", { count: String(m.unmapped.distinct - 10) }));
    out.push(cliText("analyze.unmapped", { list: listed.join(", ") }));
  }
  const label = new Map(m.paths.nodes.map((n) => [n.id, n.label]));
  if (m.paths.variants.items.length) {
    out.push("", cliText("analyze.topPaths"));
    for (const v of m.paths.variants.items)
      out.push(
        `  ${String(v.customers).padStart(8)}  ${pct(v.share).padStart(6)}  ${v.nodes.map((n) => printable(label.get(n) ?? n)).join(" → ")}`,
      );
    if (m.paths.variants.others.customers)
      out.push(
        `  ${String(m.paths.variants.others.customers).padStart(8)}          ${cliText("analyze.otherPaths", { count: String(m.paths.variants.others.variants) })}`,
      );
  }
  for (const w of m.warnings) out.push(`warning: ${printable(w)}`);
  return out.join("\n");
}

/** `cjm analyze`: all metrics of a map over its workspace's customer data, as a table or JSON. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command("analyze")
    .description(cliText("analyze.description"))
    .requiredOption("--map <mapId>", cliText("analyze.option.map"))
    .requiredOption("--workspace <workspaceId>", cliText("analyze.option.workspace"))
    .option("--json", cliText("analyze.option.json"))
    .option("--segment <rule>", cliText("analyze.option.segment"))
    .option("--persona <personaId>", cliText("analyze.option.persona"))
    .option("--channel <channel...>", cliText("analyze.option.channel"))
    .option("--from <date>", cliText("analyze.option.from"))
    .option("--to <date>", cliText("analyze.option.to"))
    .option("--order <order>", cliText("analyze.option.order"))
    .option("--window-hours <hours>", cliText("option.windowHours"))
    .option("--session-gap <minutes>", cliText("analyze.option.sessionGap"))
    .option("--top <n>", cliText("analyze.option.top"))
    .option("--edges <n>", cliText("option.edges"))
    .action(async (raw: unknown) => {
      const o = parseOptions(AnalyzeOptions, raw);
      const number = (flag: string, v: string | undefined) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isFinite(n)) throw new CliError(cliText("notANumber", { option: `--${flag}`, value: v }));
        return n;
      };
      const request = MapMetricsRequestSchema.safeParse({
        personaId: o.persona,
        filters: {
          segment: o.segment === undefined ? undefined : parseSegmentOption(o.segment),
          channels: o.channel,
          from: o.from,
          to: o.to,
        },
        options: {
          order: o.order,
          conversionWindowHours: number("window-hours", o.windowHours),
          sessionGapMinutes: number("session-gap", o.sessionGap),
          topPaths: number("top", o.top),
        },
      });
      if (!request.success) {
        const issue = request.error.issues[0]!;
        const flag =
          {
            "filters.from": "--from",
            "filters.to": "--to",
            "filters.channels": "--channel",
            "options.order": "--order",
            "options.conversionWindowHours": "--window-hours",
            "options.sessionGapMinutes": "--session-gap",
            "options.topPaths": "--top",
            personaId: "--persona",
          }[issue.path.slice(0, 2).join(".")] ?? issue.path.join(".");
        throw new CliError(`${flag}: ${issueText(issue)}`);
      }
      const edges = number("edges", o.edges) ?? 20;
      if (!Number.isInteger(edges) || edges < 0)
        throw new CliError(cliText("notAWholeNumber", { option: "--edges", value: o.edges ?? "" }));
      const config = loadConfig(process.env, dataDirOverride(program));
      const opened = await openServices(config);
      // Read-only: while a server holds the workspace's event database, read a copy taken now instead of failing.
      const analytics = createEventDatabases(config, {
        readOnly: { onSnapshot: () => console.error(cliText("analyze.snapshot")) },
        dataVolume: opened.analytics.dataVolume,
      });
      const services = { ...opened, analytics };
      try {
        const ws = await findWorkspaceRef(services.db, o.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: o.workspace }));
        const { metrics, snapshot } = await metricsForMap(services, ws.id, o.map, request.data).catch(
          (err: unknown) => {
            throw cliErrorOf(err, {
              codes: { not_found: cliText("noMapInWorkspace", { id: o.map, workspace: ws.id }) },
              options: { personaId: "--persona" },
            });
          },
        );
        const input = await mapMetricsInput(services, ws.id, o.map, request.data);
        const cases = await computeCaseDurations(await services.analytics.open(ws.id), input);
        process.stdout.write(
          o.json
            ? `${JSON.stringify({ ...metrics, caseDurations: cases }, null, 2)}\n`
            : `${formatMetricsReport(snapshot.settings.title, metrics)}\n\n${formatProcessReport(metrics, cases, edges)}\n`,
        );
      } finally {
        await analytics.close();
        await opened.close();
      }
    });
}
