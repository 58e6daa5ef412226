import { IdeaListQuerySchema, matrixQuadrant, translate, type Idea, type IdeaEffect } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { createEventDatabases } from "../../customerData/EventDatabases.js";
import { measureIdeaEffect } from "../../commands/ideaEffectMeasurer.js";
import { MapLookup, presentIdea } from "../../commands/ideaLinkResolver.js";
import { listIdeas } from "../../commands/ideaLister.js";
import { DomainError } from "../../errors/DomainError.js";
import { kpiValueText } from "../../mapExport/kpiWords.js";
import type { Services } from "../../services.js";
import { getStoredIdea } from "../../store/ideaStore.js";
import { listKpis } from "../../store/kpiStore.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";
import { CliError, issueText, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { openServices } from "../openServices.js";
import { cliDate, cliNumber, terminalTable } from "../terminalTable.js";
import { printable } from "./analyzeCommand.js";
import { dataDirOverride } from "./migrateCommand.js";

const ListOptions = z.strictObject({
  workspace: z.string().min(1),
  map: z.string().optional(),
  status: z.string().optional(),
  sort: z.string().optional(),
  json: z.boolean().optional(),
});
const ShowOptions = z.strictObject({ workspace: z.string().min(1), json: z.boolean().optional() });

const vocabulary = (key: Parameters<typeof translate<"vocabulary">>[2]) => translate(cliLocale(), "vocabulary", key);

/**
 * Opens the data directory's services for one command that only reads, finds its workspace, and closes them whatever
 * happens. The event data is opened read-only (as `cjm analyze` does): while a server holds a workspace's event
 * database, a copy taken now is read instead of failing on DuckDB's lock.
 */
export async function withWorkspace<T>(
  program: Command,
  workspace: string,
  run: (services: Services, workspaceId: string) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env, dataDirOverride(program));
  const opened = await openServices(config);
  const analytics = createEventDatabases(config, {
    readOnly: { onSnapshot: () => console.error(cliText("analyze.snapshot")) },
    dataVolume: opened.analytics.dataVolume,
  });
  try {
    const ws = await findWorkspaceRef(opened.db, workspace);
    if (!ws) throw new CliError(cliText("noWorkspace", { id: workspace }));
    return await run({ ...opened, analytics }, ws.id);
  } finally {
    await analytics.close();
    await opened.close();
  }
}

/** The map is the workspace's, or the CLI says so naming --map. */
export async function requireMapOption(services: Services, workspaceId: string, mapId: string): Promise<void> {
  if (!(await services.maps.find(workspaceId, mapId)))
    throw new CliError(cliText("noMapInWorkspace", { id: mapId, workspace: workspaceId }));
}

const linkNames = (idea: Idea) =>
  [...new Set([...idea.anchors, ...idea.steps].map((l) => printable(l.missing ? `${l.label} ✕` : l.label)))].join(", ");

/** The backlog as a table: title, status, ICE, RICE, owner and the steps and cards it is linked to. */
export function formatIdeaTable(ideas: Idea[]): string {
  if (ideas.length === 0) return cliText("noIdeas");
  return terminalTable(
    [
      cliText("header.idea"),
      vocabulary("status"),
      "ICE",
      "RICE",
      translate(cliLocale(), "exports", "owner"),
      cliText("header.steps"),
    ],
    ideas.map((idea) => [
      printable(idea.title),
      vocabulary(`ideaStatus.${idea.status}`),
      cliNumber(idea.iceScore),
      cliNumber(idea.riceScore),
      printable(idea.ownerName ?? "–"),
      linkNames(idea),
    ]),
  );
}

/** One idea in full: scores with their formulas, links, KPIs, every change of status and the measured effect. */
export function formatIdea(idea: Idea, kpiNames: Map<string, string>, effect: IdeaEffect | undefined): string {
  const out = [`${printable(idea.title)} — ${vocabulary(`ideaStatus.${idea.status}`)}`];
  if (idea.description) out.push(printable(idea.description));
  if (idea.ownerName) out.push(cliText("show.owner", { name: printable(idea.ownerName) }));
  if (idea.tags.length) out.push(cliText("show.tags", { tags: printable(idea.tags.join(", ")) }));
  if (idea.ice)
    out.push(
      cliText("show.ice", {
        score: cliNumber(idea.iceScore),
        impact: cliNumber(idea.ice.impact),
        confidence: cliNumber(idea.ice.confidence),
        ease: cliNumber(idea.ice.ease),
      }),
    );
  if (idea.rice)
    out.push(
      cliText("show.rice", {
        score: cliNumber(idea.riceScore),
        reach: cliNumber(idea.rice.reach),
        impact: cliNumber(idea.rice.impact),
        confidence: cliNumber(idea.rice.confidence),
        effort: cliNumber(idea.rice.effort),
      }),
    );
  if (idea.matrix)
    out.push(cliText("show.matrix", { quadrant: vocabulary(`matrixQuadrant.${matrixQuadrant(idea.matrix)}`) }));
  const links = (heading: string, list: Idea["anchors"]) => {
    if (list.length === 0) return;
    out.push(heading);
    for (const l of list) {
      const label = l.missing ? translate(cliLocale(), "exports", "missingLink", { label: l.label }) : l.label;
      out.push(`  ${printable(l.mapTitle ? `${l.mapTitle} › ${label}` : label)}`);
    }
  };
  links(cliText("show.anchors"), idea.anchors);
  links(cliText("show.steps"), idea.steps);
  if (idea.kpiIds.length) {
    out.push(cliText("show.kpis"));
    for (const id of idea.kpiIds) out.push(`  ${printable(kpiNames.get(id) ?? id)}`);
  }
  out.push(cliText("show.history"));
  for (const change of idea.history) {
    const reason = change.reason ? `  (${cliText("show.reason", { reason: printable(change.reason) })})` : "";
    out.push(
      `  ${cliDate(change.at)}  ${vocabulary(`ideaStatus.${change.status}`)}  ${printable(change.byName ?? "–")}${reason}`,
    );
  }
  if (effect?.recordedAt) {
    out.push(
      effect.beforeDays === effect.afterDays
        ? cliText("show.effect", { days: cliNumber(effect.afterDays), date: cliDate(effect.recordedAt) })
        : cliText("show.effectWindows", {
            before: cliNumber(effect.beforeDays),
            days: cliNumber(effect.afterDays),
            date: cliDate(effect.recordedAt),
          }),
    );
    for (const k of effect.kpis) {
      const shape = {
        source: k.measure ? { kind: "data" as const, measure: k.measure } : { kind: "manual" as const },
        unit: "",
      };
      out.push(
        `  ${cliText("show.effectLine", {
          kpi: printable(k.name),
          before: kpiValueText(shape, k.before.value, cliLocale()),
          after: kpiValueText(shape, k.after.value, cliLocale()),
          verdict: vocabulary(`kpiVerdict.${k.verdict}`),
        })}`,
      );
      if (k.problem) out.push(`    ${printable(k.problem.message)}`);
    }
    for (const caveat of effect.caveatMessages) out.push(`  ${printable(caveat.message)}`);
  }
  return out.join("\n");
}

/** `cjm ideas list` and `cjm ideas show`: the workspace's backlog and one idea, as text or as the API's JSON. */
export function registerIdeasCommand(program: Command): void {
  const ideas = program.command("ideas").description(cliText("ideas.description"));
  ideas
    .command("list")
    .description(cliText("ideas.list.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--map <mapId>", cliText("option.map"))
    .option("--status <status>", cliText("option.status"))
    .option("--sort <order>", cliText("option.sort"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const o = parseOptions(ListOptions, raw);
      const parsed = IdeaListQuerySchema.safeParse({ mapId: o.map, status: o.status, sort: o.sort ?? "ice" });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const flag = { mapId: "--map", status: "--status", sort: "--sort" }[String(issue.path[0])] ?? "options";
        throw new CliError(`${flag}: ${issueText(issue)}`);
      }
      const query = parsed.data;
      const found = await withWorkspace(program, o.workspace, async (services, workspaceId) => {
        if (query.mapId) await requireMapOption(services, workspaceId, query.mapId);
        return listIdeas(services, workspaceId, query);
      });
      process.stdout.write(o.json ? `${JSON.stringify(found, null, 2)}\n` : `${formatIdeaTable(found)}\n`);
    });
  ideas
    .command("show <ideaId>")
    .description(cliText("ideas.show.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--json", cliText("option.json"))
    .action(async (ideaId: string, raw: unknown) => {
      const o = parseOptions(ShowOptions, raw);
      const shown = await withWorkspace(program, o.workspace, async (services, workspaceId) => {
        const stored = await getStoredIdea(services.db, workspaceId, ideaId).catch((err: unknown) => {
          throw cliErrorOf(err, { codes: { not_found: cliText("noIdea", { id: ideaId, workspace: workspaceId }) } });
        });
        const idea = await presentIdea(new MapLookup(services, workspaceId), stored);
        const kpis = await listKpis(services.db, workspaceId);
        // Only a measured idea has a recorded effect; a shipped one's is computed on request (GET …/kpi-effect).
        const effect =
          idea.status === "measured"
            ? await measureIdeaEffect(services, workspaceId, idea.id, 28).catch((err: unknown) => {
                if (err instanceof DomainError) return undefined;
                throw err;
              })
            : undefined;
        return { idea, effect, kpiNames: new Map(kpis.map((k) => [k.id, k.name])) };
      });
      process.stdout.write(
        o.json
          ? `${JSON.stringify({ ...shown.idea, effect: shown.effect ?? null }, null, 2)}\n`
          : `${formatIdea(shown.idea, shown.kpiNames, shown.effect)}\n`,
      );
    });
}
