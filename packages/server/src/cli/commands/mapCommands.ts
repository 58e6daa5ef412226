import { readFileSync, writeFileSync } from "node:fs";
import { LocaleSchema } from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { importMapDraft } from "../../commands/mapImporter.js";
import { loadConfig } from "../../config.js";
import { EXPORT_FORMATS, ExportFormatSchema, exportMapData } from "../../mapExport/exportMap.js";
import { loadExportInput } from "../../mapExport/loadExportInput.js";
import { PaperSchema, OrientationSchema } from "../../mapExport/printOptions.js";
import { parseImportFile } from "../../mapImport/parseImportFile.js";
import type { DroppedItem } from "../../mapImport/ImportDraft.js";
import { summarizeImport } from "../../mapImport/summarizeImport.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { renderPrintExport } from "./renderPrintExport.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";
import { findMapRow } from "../../store/mapListStore.js";
import { firstOwnerId, memberIdByEmail } from "../../store/memberStore.js";

const ExportOptions = z.strictObject({
  format: ExportFormatSchema.catch(() => {
    throw new CliError(`--format: must be one of ${EXPORT_FORMATS.join(", ")}`);
  }),
  out: z.string().optional(),
  lang: LocaleSchema.optional(),
  paper: PaperSchema.default("A4"),
  orientation: OrientationSchema.default("landscape"),
});
const ImportOptions = z.strictObject({
  workspace: z.string().min(1),
  as: z.email().optional(),
  dryRun: z.boolean().optional(),
});

function readFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new CliError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** `cjm map export` and `cjm map import`. */
export function registerMapCommands(program: Command): void {
  const map = program.command("map").description("export and import journey maps");
  map
    .command("export <mapId>")
    .description("write a map as PDF, PNG, PowerPoint, Excel, CSV, JSON, Markdown or Mermaid")
    .option("--format <format>", `export format: ${EXPORT_FORMATS.join(", ")}`, "json")
    .option("--out <file>", "write to a file instead of standard output")
    .option(
      "--lang <locale>",
      "language of the labels around the content: en, zh-Hant, zh-Hans, ru, fa (default: the map's)",
    )
    .option("--paper <size>", "pdf/png paper: A4, A3, Letter or fit (one page as large as the map)", "A4")
    .option("--orientation <orientation>", "pdf/png orientation: landscape or portrait", "landscape")
    .action(async (mapId: string, raw: unknown) => {
      const options = parseOptions(ExportOptions, raw);
      const binary = ["pdf", "png", "pptx", "xlsx"].includes(options.format);
      if (binary && !options.out && process.stdout.isTTY)
        throw new CliError(`--out: a ${options.format} file is binary; give --out <file> or redirect standard output`);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const row = await findMapRow(services.db, mapId);
        if (!row) throw new CliError(`<mapId>: no map "${mapId}"`);
        const summary = { id: row.id, workspaceId: row.workspace_id, title: row.title };
        const bytes =
          options.format === "pdf" || options.format === "png"
            ? await renderPrintExport(services, summary, {
                format: options.format,
                locale: options.lang,
                paper: options.paper,
                orientation: options.orientation,
              })
            : await exportMapData(options.format, await loadExportInput(services, summary, options.lang), row);
        if (options.out) {
          writeFileSync(options.out, bytes);
          console.error(`wrote ${options.out}`);
        } else process.stdout.write(bytes);
      } finally {
        await services.close();
      }
    });
  map
    .command("import <file>")
    .description(
      "import a map: our JSON (any earlier version), Excel/CSV grids like our export, Mermaid journey, OpenJourney (.ojf)",
    )
    .requiredOption("--workspace <workspaceId>", "workspace to import into")
    .option("--as <email>", "user recorded as creator (default: the workspace's first owner)")
    .option("--dry-run", "show what would be created and what would be left out, and create nothing")
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(ImportOptions, raw);
      const draft = await parseImportFile({ name: file, bytes: readFile(file) }).catch((err: unknown) => {
        throw cliErrorOf(err, { file });
      });
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(`--workspace: no workspace "${options.workspace}"`);
        const memberId = options.as
          ? await memberIdByEmail(services.db, ws.id, options.as)
          : await firstOwnerId(services.db, ws.id);
        if (!memberId)
          throw new CliError(
            options.as ? `--as: ${options.as} is not a member of ${ws.id}` : `--workspace: ${ws.id} has no owner`,
          );
        if (options.dryRun) {
          const preview = summarizeImport(draft);
          console.log(
            `would import "${preview.title}" (${preview.format}): ${preview.counts.stages} stage(s), ${preview.counts.steps} step(s), ${preview.counts.lanes} lane(s), ${preview.counts.cards} card(s), ${preview.counts.emotions} emotion point(s)`,
          );
          for (const item of draft.report.dropped) console.log(`would drop ${describeDropped(item)}`);
          return;
        }
        const result = await importMapDraft(services, { workspaceId: ws.id, userId: memberId, draft }).catch(
          (err: unknown) => {
            throw cliErrorOf(err, { file, always: true });
          },
        );
        const extras = [
          result.personaIds.length ? `${result.personaIds.length} persona(s)` : "",
          result.touchpointIds.length ? `${result.touchpointIds.length} new touchpoint(s)` : "",
        ].filter(Boolean);
        console.log(`imported map ${result.mapId}${extras.length ? ` with ${extras.join(" and ")}` : ""}`);
        if (draft.format === "json" && result.report.fromVersion !== null && result.report.fromVersion !== "1")
          console.log(`upgraded from version ${result.report.fromVersion}`);
        for (const item of result.report.dropped) console.log(`dropped ${describeDropped(item)}`);
      } finally {
        await services.close();
      }
    });
}

/** One left-out item as a line: where, why, and the texts it held (quoted, so a user sees exactly what). */
function describeDropped(item: DroppedItem): string {
  const texts = item.texts.map((t) => JSON.stringify(t)).join(", ");
  return `${item.path}: ${item.reason}${texts ? ` — ${texts}` : ""}`;
}
