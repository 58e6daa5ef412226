import {
  CustomerTimelineQuerySchema,
  IdentifierKindSchema,
  MAX_CONVERSION_WINDOW_HOURS,
  type CustomerTimeline,
} from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { readCustomerTimeline } from "../../commands/customerTimelineReader.js";
import { CliError, issueText, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliText } from "../cliLanguage.js";
import { printable } from "./analyzeCommand.js";
import { customerSurveyLines } from "./customerSurveyLines.js";
import { requireMapOption, withWorkspace } from "./ideasCommand.js";

const CustomerOptions = z.strictObject({
  workspace: z.string().min(1),
  map: z.string().min(1).optional(),
  kind: IdentifierKindSchema.optional(),
  windowHours: z.string().optional(),
  json: z.boolean().optional(),
});

/** "2024-05-01T10:00:00.000Z" → "2024-05-01 10:00:00Z": one column wide, still UTC and unambiguous. */
const when = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, "Z");

/** Why two identifiers are one customer, in the CLI's language (the stored English reason when the row is unknown). */
function mergeLine(merge: CustomerTimeline["mergeLog"][number]): string {
  if (merge.row === null || merge.fileName === null) return merge.reason;
  const values = {
    row: merge.row,
    file: merge.fileName,
    left: `${merge.left.kind} ${JSON.stringify(merge.left.value)}`,
    right: `${merge.right.kind} ${JSON.stringify(merge.right.value)}`,
  };
  return merge.sourceName === null
    ? cliText("customer.mergeAtNoSource", values)
    : cliText("customer.mergeAt", { ...values, source: merge.sourceName });
}

/** The readable timeline of `cjm customer`: identifiers, why they are one person, events, the map's steps, their words. */
export function formatCustomerTimeline(timeline: CustomerTimeline): string {
  const out: string[] = [];
  out.push(
    `${cliText("customer.identifiers")}: ${timeline.identifiers.map((i) => `${i.kind} ${printable(i.value)}`).join(", ")}`,
  );
  const attributes = Object.entries(timeline.attributes);
  if (attributes.length)
    out.push(
      `${cliText("customer.attributes")}: ${attributes.map(([k, v]) => `${printable(k)}=${printable(v)}`).join(", ")}`,
    );
  out.push("", `${cliText("customer.mergeLog")}:`);
  if (timeline.mergeLog.length === 0) out.push(`  ${cliText("customer.noMerges")}`);
  for (const merge of timeline.mergeLog) out.push(`  ${printable(mergeLine(merge))}`);
  out.push("", `${cliText("customer.events", { count: timeline.eventCount })}:`);
  for (const e of timeline.events) {
    const facts = [
      printable(e.sourceName),
      printable(e.eventName),
      e.channel ? printable(e.channel) : "",
      e.score !== null ? `${(e.scoreKind ?? "score").toUpperCase()} ${e.score}` : "",
    ].filter(Boolean);
    out.push(`  ${when(e.at)}  ${facts.join("  ")}`);
    if (e.text) out.push(`      “${printable(e.text)}”`);
  }
  if (timeline.events.length < timeline.eventCount)
    out.push(`  ${cliText("customer.eventsShown", { shown: timeline.events.length, count: timeline.eventCount })}`);
  if (timeline.map) {
    out.push("", cliText("customer.map", { title: printable(timeline.map.title) }));
    // "Went on" and "left here" are judged within the conversion window: stated, as `cjm analyze` states it.
    const hours = String(timeline.map.conversionWindowHours);
    out.push(
      `  ${
        timeline.map.conversionWindowHours >= MAX_CONVERSION_WINDOW_HOURS
          ? cliText("analyze.windowNone", { hours })
          : cliText("analyze.window", { hours })
      }`,
    );
    for (const step of timeline.map.steps) {
      const status = cliText(`customer.status.${step.status}`);
      const detail =
        step.firstAt === null
          ? ""
          : ` ${when(step.firstAt)}${step.wentOn === null ? "" : `, ${cliText(step.wentOn ? "customer.wentOn" : "customer.leftHere")}`}`;
      out.push(`  ${printable(step.stageName)} / ${printable(step.name)}: ${status}${detail}`);
    }
  }
  out.push(...customerSurveyLines(timeline.surveyAnswers));
  return out.join("\n");
}

/** `cjm customer <identifier>`: one customer's timeline across every source, optionally read against a map. */
export function registerCustomerCommand(program: Command): void {
  program
    .command("customer")
    .description(cliText("customer.description"))
    .argument("<identifier>", cliText("customer.argument"))
    .requiredOption("--workspace <workspaceId>", cliText("customer.option.workspace"))
    .option("--map <mapId>", cliText("customer.option.map"))
    .option("--kind <kind>", cliText("customer.option.kind"))
    .option("--window-hours <hours>", cliText("option.windowHours"))
    .option("--json", cliText("customer.option.json"))
    .action(async (identifier: string, raw: unknown) => {
      const o = parseOptions(CustomerOptions, raw);
      const windowHours = CustomerTimelineQuerySchema.shape.windowHours.safeParse(o.windowHours);
      if (!windowHours.success) {
        const issue = windowHours.error.issues[0]!;
        throw new CliError(`--window-hours: ${issueText(issue)}`);
      }
      // Only reads: while a server holds the event database, a copy taken now is read (withWorkspace).
      const timeline = await withWorkspace(program, o.workspace, async (services, workspaceId) => {
        if (o.map) await requireMapOption(services, workspaceId, o.map);
        return readCustomerTimeline(services, workspaceId, {
          identifier,
          kind: o.kind,
          mapId: o.map,
          windowHours: windowHours.data,
        }).catch((err: unknown) => {
          throw cliErrorOf(err, {
            codes: { not_found: cliText("customer.notFound", { identifier }) },
            options: { kind: "--kind" },
          });
        });
      });
      process.stdout.write(o.json ? `${JSON.stringify(timeline, null, 2)}\n` : `${formatCustomerTimeline(timeline)}\n`);
    });
}
