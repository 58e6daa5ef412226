import { readFileSync, writeFileSync } from "node:fs";
import {
  blankMap,
  EXPORT_FORMATS,
  ExportFormatSchema,
  LocaleSchema,
  TEMPLATES,
  translate,
  type Locale,
} from "@opencjm/core";
import type { Command } from "commander";
import { z } from "zod";
import { createMapFromRequest } from "../../commands/mapCreator.js";
import { importMapDraft } from "../../commands/mapImporter.js";
import { loadConfig } from "../../config.js";
import { exportMapData, isPrintExport, PRINT_EXPORTS } from "../../mapExport/exportMap.js";
import type { ExportInput } from "../../mapExport/ExportInput.js";
import { loadExportInput } from "../../mapExport/loadExportInput.js";
import { MAP_EXPORT_FORMAT_VERSION } from "../../mapExport/mapJsonFormat.js";
import { withIdeasAndKpis } from "../../mapExport/withIdeasAndKpis.js";
import { withResearch } from "../../mapExport/withResearch.js";
import { PaperSchema, OrientationSchema } from "../../mapExport/printOptions.js";
import { parseImportFile } from "../../mapImport/parseImportFile.js";
import { wordDropReason } from "../../mapImport/dropReason.js";
import { wordImportNote } from "../../mapImport/importNote.js";
import type { DroppedItem } from "../../mapImport/ImportDraft.js";
import { summarizeImport } from "../../mapImport/summarizeImport.js";
import { CliError, parseOptions } from "../CliError.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { printable, textTable } from "./analyzeCommand.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { openServices } from "../openServices.js";
import type { Services } from "../../services.js";
import { dataDirOverride } from "./migrateCommand.js";
import { renderPrintExport } from "./renderPrintExport.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";
import { findMapRow, listMaps } from "../../store/mapListStore.js";
import { firstOwnerId, memberIdByEmail } from "../../store/memberStore.js";

const ExportOptions = z.strictObject({
  format: ExportFormatSchema.catch(() => {
    throw new CliError(cliText("formatOneOf", { formats: EXPORT_FORMATS.join(", ") }));
  }),
  out: z.string().optional(),
  paper: PaperSchema.default("A4"),
  orientation: OrientationSchema.default("landscape"),
  research: z.boolean().optional(),
});
const ListOptions = z.strictObject({ workspace: z.string().min(1), json: z.boolean().optional() });
const CreateOptions = z.strictObject({
  workspace: z.string().min(1),
  template: z.string().min(1).max(60).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  locale: LocaleSchema.optional(),
  as: z.email().optional(),
  json: z.boolean().optional(),
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
    throw new CliError(cliText("cannotReadFile", { path, code: (err as NodeJS.ErrnoException).code ?? "error" }));
  }
}

/** `cjm map list|create|export|import`. */
export function registerMapCommands(program: Command): void {
  const map = program.command("map").description(cliText("map.description"));
  map
    .command("list")
    .description(cliText("map.list.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const options = parseOptions(ListOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        const maps = await listMaps(services.db, ws.id);
        if (options.json) console.log(JSON.stringify(maps, null, 2));
        else if (maps.length === 0) console.log(cliText("noMaps"));
        else
          console.log(
            textTable(
              [cliText("header.id"), cliText("header.title"), cliText("header.type"), cliText("header.steps")],
              maps.map((m) => [
                m.id,
                printable(m.title),
                translate(cliLocale(), "vocabulary", `mapType.${m.type}`),
                String(m.stepCount),
              ]),
            ),
          );
      } finally {
        await services.close();
      }
    });
  map
    .command("create")
    .description(cliText("map.create.description"))
    .requiredOption("--workspace <workspaceId>", cliText("option.workspace"))
    .option("--template <templateId>", cliText("option.template", { templates: TEMPLATES.map((t) => t.id).join(", ") }))
    .option("--title <title>", cliText("option.title"))
    .option("--locale <locale>", cliText("option.locale"))
    .option("--as <email>", cliText("option.as"))
    .option("--json", cliText("option.json"))
    .action(async (raw: unknown) => {
      const options = parseOptions(CreateOptions, raw);
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        const userId = options.as
          ? await memberIdByEmail(services.db, ws.id, options.as)
          : await firstOwnerId(services.db, ws.id);
        if (!userId)
          throw new CliError(
            options.as
              ? cliText("notMember", { email: options.as, workspace: ws.id })
              : cliText("workspaceWithoutOwner", { workspace: ws.id }),
          );
        const locale = options.locale ?? cliLocale();
        const request = options.template
          ? { templateId: options.template, locale, title: options.title, personaIds: [] }
          : {
              snapshot: blankMap({
                title: options.title ?? translate(locale, "cli", "blank.title"),
                type: "currentState",
                locale,
                goal: "",
                personaIds: [],
                stageName: translate(locale, "cli", "blank.stage"),
                stepName: translate(locale, "cli", "blank.step"),
              }) as unknown as Record<string, unknown>,
            };
        const { map: created } = await createMapFromRequest(services, { workspaceId: ws.id, userId, request }).catch(
          (err: unknown) => {
            throw cliErrorOf(err, { options: { templateId: "--template" } });
          },
        );
        console.log(
          options.json
            ? JSON.stringify(created, null, 2)
            : cliText("createdMap", { id: created.id, title: printable(created.title) }),
        );
      } finally {
        await services.close();
      }
    });
  map
    .command("export <mapId>")
    .description(cliText("mapExport.description"))
    .option("--format <format>", cliText("mapExport.option.format", { formats: EXPORT_FORMATS.join(", ") }), "json")
    .option("--out <file>", cliText("mapExport.option.out"))
    .option("--paper <size>", cliText("mapExport.option.paper"), "A4")
    .option("--orientation <orientation>", cliText("mapExport.option.orientation"), "landscape")
    .option("--research", cliText("mapExport.option.research"))
    .action(async (mapId: string, raw: unknown) => {
      const options = parseOptions(ExportOptions, raw);
      const research = options.research === true;
      // The global --lang also sets the labels around the content; without it they are in the map's language.
      const lang = LocaleSchema.optional().parse(program.opts<{ lang?: string }>().lang);
      const binary = isPrintExport(options.format) || ["pptx", "xlsx"].includes(options.format);
      if (binary && !options.out && process.stdout.isTTY)
        throw new CliError(cliText("binaryNeedsOut", { format: options.format }));
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const row = await findMapRow(services.db, mapId);
        if (!row) throw new CliError(cliText("noMap", { id: mapId }));
        const summary = { id: row.id, workspaceId: row.workspace_id, title: row.title };
        const bytes = isPrintExport(options.format)
          ? await renderPrintExport(services, summary, {
              ...PRINT_EXPORTS[options.format],
              locale: lang,
              paper: options.paper,
              orientation: options.orientation,
              research,
            })
          : await exportMapData(options.format, await dataExportInput(services, summary, lang, research), row);
        if (options.out) {
          writeFileSync(options.out, bytes);
          console.error(cliText("wrote", { file: options.out }));
        } else process.stdout.write(bytes);
      } finally {
        await services.close();
      }
    });
  map
    .command("import <file>")
    .description(cliText("mapImport.description"))
    .requiredOption("--workspace <workspaceId>", cliText("mapImport.option.workspace"))
    .option("--as <email>", cliText("mapImport.option.as"))
    .option("--dry-run", cliText("mapImport.option.dryRun"))
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(ImportOptions, raw);
      const draft = await parseImportFile({ name: file, bytes: readFile(file) }).catch((err: unknown) => {
        throw cliErrorOf(err, { file });
      });
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      try {
        const ws = await findWorkspaceRef(services.db, options.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: options.workspace }));
        const memberId = options.as
          ? await memberIdByEmail(services.db, ws.id, options.as)
          : await firstOwnerId(services.db, ws.id);
        if (!memberId)
          throw new CliError(
            options.as
              ? cliText("notMember", { email: options.as, workspace: ws.id })
              : cliText("workspaceWithoutOwner", { workspace: ws.id }),
          );
        if (options.dryRun) {
          const preview = summarizeImport(draft);
          console.log(
            cliText("mapImport.wouldImport", {
              title: printable(preview.title),
              format: preview.format,
              stages: String(preview.counts.stages),
              steps: String(preview.counts.steps),
              lanes: String(preview.counts.lanes),
              cards: String(preview.counts.cards),
              emotions: String(preview.counts.emotions),
            }),
          );
          for (const item of draft.report.dropped) console.log(cliText("wouldDrop", { item: describeDropped(item) }));
          for (const note of draft.report.notes)
            console.log(cliText("importNote", { note: wordImportNote(cliLocale(), note) }));
          return;
        }
        const result = await importMapDraft(services, { workspaceId: ws.id, userId: memberId, draft }).catch(
          (err: unknown) => {
            throw cliErrorOf(err, { file, always: true });
          },
        );
        const extras = [
          result.personaIds.length ? cliText("personaCount", { count: result.personaIds.length }) : "",
          result.touchpointIds.length ? cliText("newTouchpointCount", { count: result.touchpointIds.length }) : "",
        ].filter(Boolean);
        const [first, second] = extras;
        console.log(
          first === undefined
            ? cliText("importedMap", { id: result.mapId })
            : cliText("importedMapWith", {
                id: result.mapId,
                extras: second === undefined ? first : cliText("both", { first, second }),
              }),
        );
        // "1" is the map document's own version (a bare snapshot); the export format's current version needs no upgrade.
        const from = result.report.fromVersion;
        if (draft.format === "json" && from !== null && from !== "1" && from !== String(MAP_EXPORT_FORMAT_VERSION))
          console.log(cliText("upgradedFrom", { version: from }));
        for (const item of result.report.dropped) console.log(cliText("dropped", { item: describeDropped(item) }));
        for (const note of result.report.notes)
          console.log(cliText("importNote", { note: wordImportNote(cliLocale(), note) }));
      } finally {
        await services.close();
      }
    });
}

/** One left-out item as a line: where, why (in the CLI's language), and the texts it held, quoted. */
function describeDropped(item: DroppedItem): string {
  const texts = item.texts.map((t) => JSON.stringify(t)).join(", ");
  return `${item.path}: ${wordDropReason(cliLocale(), item)}${texts ? ` — ${texts}` : ""}`;
}

/** What a data export of a map holds from the command line: the map, its ideas and KPIs, and its research if asked. */
async function dataExportInput(
  services: Services,
  map: { id: string; workspaceId: string; title: string },
  lang: Locale | undefined,
  research: boolean,
): Promise<ExportInput> {
  const input = await withIdeasAndKpis(services, map.workspaceId, await loadExportInput(services, map, lang));
  return research ? withResearch(services, map.workspaceId, input) : input;
}
