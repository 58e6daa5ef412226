import { KpiSeriesRequestSchema, translate, type Kpi, type KpiSeries, type MapSnapshot } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { computeKpiSeriesFor } from "../../commands/kpiSeriesComputer.js";
import { schemaIssueMessage } from "../../errors/localiseError.js";
import { kpiAnchorText, kpiDirectionText, kpiMeasureText, kpiValueText } from "../../mapExport/kpiWords.js";
import type { Services } from "../../services.js";
import { findKpi, listKpis } from "../../store/kpiStore.js";
import { listMembers } from "../../store/memberStore.js";
import { touchpointNames } from "../../store/touchpointStore.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { cliDate, terminalTable } from "../terminalTable.js";
import { printable } from "./analyzeCommand.js";
import { requireMapOption, withWorkspace } from "./ideasCommand.js";

const ListOptions = z.strictObject({
  workspace: z.string().min(1),
  map: z.string().optional(),
  json: z.boolean().optional(),
});
const SeriesOptions = ListOptions.extend({
  bucket: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

const exportsWord = (key: "kpiDefinedOn" | "kpiMeasure" | "target" | "kpiDirection" | "owner") =>
  translate(cliLocale(), "exports", key);

/** Where each KPI sits in words: loads each map once, and the workspace's touchpoint names. */
async function anchorTexts(services: Services, workspaceId: string, kpis: Kpi[]): Promise<Map<string, string>> {
  const maps = new Map<string, MapSnapshot | undefined>();
  const names = await touchpointNames(services.db, workspaceId);
  const out = new Map<string, string>();
  for (const kpi of kpis) {
    const mapId = kpi.anchor.kind === "workspace" ? undefined : kpi.anchor.mapId;
    if (mapId && !maps.has(mapId))
      maps.set(
        mapId,
        (await services.maps.find(workspaceId, mapId)) ? await services.maps.readSnapshot(mapId) : undefined,
      );
    const text = kpiAnchorText(kpi, mapId ? maps.get(mapId) : undefined, (id) => names[id], cliLocale());
    out.set(kpi.id, printable(text));
  }
  return out;
}

/** KPIs as a table: name, where, what it measures, target, direction and owner. */
function formatKpiTable(kpis: Kpi[], anchors: Map<string, string>, owners: Map<string, string>): string {
  if (kpis.length === 0) return cliText("noKpis");
  return terminalTable(
    [
      "KPI",
      exportsWord("kpiDefinedOn"),
      exportsWord("kpiMeasure"),
      exportsWord("target"),
      exportsWord("kpiDirection"),
      exportsWord("owner"),
    ],
    kpis.map((k) => [
      printable(k.name),
      anchors.get(k.id) ?? "",
      kpiMeasureText(k, cliLocale()),
      kpiValueText(k, k.target, cliLocale()),
      kpiDirectionText(k, cliLocale()),
      printable(k.ownerId ? (owners.get(k.ownerId) ?? "–") : "–"),
    ]),
  );
}

/** A series as a table per KPI: each period with its value and what it was measured on. */
function formatSeries(kpis: Kpi[], series: KpiSeries[]): string {
  return series
    .map((s) => {
      const kpi = kpis.find((k) => k.id === s.kpiId)!;
      const heading = `${printable(kpi.name)} (${translate(cliLocale(), "vocabulary", `kpiBucket.${s.bucket}`)})`;
      if (s.problem)
        return `${heading}\n${cliText("series.problem", { kpi: printable(kpi.name), message: s.problem.message })}`;
      const rows = s.points.map((p) => [cliDate(p.start), kpiValueText(kpi, p.value, cliLocale()), String(p.sample)]);
      return `${heading}\n${terminalTable([cliText("header.period"), cliText("header.value"), cliText("header.sample")], rows)}`;
    })
    .join("\n\n");
}

/** `cjm kpi list` and `cjm kpi series`: the workspace's KPIs and their values over time, as text or JSON. */
export function registerKpiCommand(program: Command): void {
  const kpi = program.command("kpi").description(cliText("kpi.description"));
  kpi
    .command("list")
    .description(cliText("kpi.list.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--map <mapId>", cliText("option.map"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const o = parseOptions(ListOptions, raw);
      const text = await withWorkspace(program, o.workspace, async (services, workspaceId) => {
        if (o.map) await requireMapOption(services, workspaceId, o.map);
        const kpis = await listKpis(services.db, workspaceId, o.map);
        if (o.json) return JSON.stringify(kpis, null, 2);
        const owners = new Map((await listMembers(services.db, workspaceId)).map((m) => [m.userId, m.name]));
        return formatKpiTable(kpis, await anchorTexts(services, workspaceId, kpis), owners);
      });
      process.stdout.write(`${text}\n`);
    });
  kpi
    .command("series [kpiId]")
    .description(cliText("kpi.series.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--map <mapId>", cliText("option.map"))
    .option("--bucket <bucket>", cliText("option.bucket"))
    .option("--from <date>", cliText("option.from"))
    .option("--to <date>", cliText("option.to"))
    .option("--json", cliText("option.json"))
    .action(async (kpiId: string | undefined, raw: unknown) => {
      const o = parseOptions(SeriesOptions, raw);
      if (!kpiId && !o.map) throw new CliError(cliText("kpiOrMap"));
      const request = KpiSeriesRequestSchema.safeParse({ bucket: o.bucket, filters: { from: o.from, to: o.to } });
      if (!request.success) {
        const issue = request.error.issues[0]!;
        const flag = { bucket: "--bucket", "filters.from": "--from", "filters.to": "--to" }[issue.path.join(".")];
        throw new CliError(`${flag ?? "options"}: ${schemaIssueMessage(issue, cliLocale()) ?? issue.message}`);
      }
      const text = await withWorkspace(program, o.workspace, async (services, workspaceId) => {
        if (o.map) await requireMapOption(services, workspaceId, o.map);
        const kpis = kpiId
          ? [
              await findKpi(services.db, workspaceId, kpiId).catch((err: unknown) => {
                throw cliErrorOf(err, {
                  codes: { not_found: cliText("noKpi", { id: kpiId, workspace: workspaceId }) },
                });
              }),
            ]
          : await listKpis(services.db, workspaceId, o.map);
        if (kpis.length === 0) return o.json ? "[]" : cliText("noKpis");
        // KPIs on one map are computed together, in one pass of the engine per bucket, as the map's KPI lane is.
        const byMap = new Map<string | null, Kpi[]>();
        for (const k of kpis) {
          const mapId = k.anchor.kind === "workspace" ? null : k.anchor.mapId;
          byMap.set(mapId, [...(byMap.get(mapId) ?? []), k]);
        }
        const series: KpiSeries[] = [];
        for (const [mapId, group] of byMap)
          series.push(
            ...(await computeKpiSeriesFor(services, workspaceId, mapId, group, request.data).catch((err: unknown) => {
              throw cliErrorOf(err, {
                options: { bucket: "--bucket", "filters.from": "--from", "filters.to": "--to" },
              });
            })),
          );
        return o.json ? JSON.stringify(series, null, 2) : formatSeries(kpis, series);
      });
      process.stdout.write(`${text}\n`);
    });
}
