import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  ExportFormatSchema,
  IdSchema,
  LocaleSchema,
  MapImportedSchema,
  MapImportFileSchema,
  MapImportPreviewSchema,
  type MapSnapshot,
} from "@opencjm/core";
import type { Context } from "hono";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { readMapVersion } from "../../commands/mapHistoryReader.js";
import { findPersonas } from "../../commands/personaCreator.js";
import { importMapDraft } from "../../commands/mapImporter.js";
import { exportQueueOf } from "../../mapExport/ExportQueue.js";
import {
  EXPORT_FILE_TYPES,
  exportFileName,
  exportMapData,
  isPrintExport,
  PRINT_EXPORTS,
} from "../../mapExport/exportMap.js";
import { loadExportInput } from "../../mapExport/loadExportInput.js";
import { withIdeasAndKpis } from "../../mapExport/withIdeasAndKpis.js";
import { withResearch } from "../../mapExport/withResearch.js";
import { OrientationSchema, PaperSchema } from "../../mapExport/printOptions.js";
import { preparePrintExport } from "../../mapExport/preparePrintExport.js";
import { renderPrintExport } from "../../mapExport/renderPrintExport.js";
import { fieldError, notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { readerLocale } from "../../http/errorHandling.js";
import { localiseImportReport } from "../../mapImport/dropReason.js";
import { parseImportFileOffThread } from "../../mapImport/parseImportFileOffThread.js";
import { summarizeImport } from "../../mapImport/summarizeImport.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";
import { localBaseUrl } from "./localBaseUrl.js";

const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const ExportQuery = z.object({
  format: ExportFormatSchema,
  lang: LocaleSchema.optional(),
  paper: PaperSchema.default("A4"),
  orientation: OrientationSchema.default("landscape"),
  /** Pixel density of a PNG: 1, 2 (default) or 3 times the map's size on screen. */
  scale: z.coerce.number().int().min(1).max(3).optional(),
  /** A version of the map (from its history) to export instead of the map as it is now. */
  version: IdSchema.optional(),
  /** `true`: the map's research goes in (the XLSX Research sheet, the PDF's research appendix); members only. */
  research: z.enum(["true", "false"]).default("false"),
});
/** The export the dialog would ask for as it stands, so the server draws that view ahead of it (all optional). */
const PrepareQuery = z.object({
  format: ExportFormatSchema.default("pdf"),
  lang: LocaleSchema.optional(),
  paper: PaperSchema.default("A4"),
  orientation: OrientationSchema.default("landscape"),
});
/** An uploaded file inside JSON: text as it is, or any bytes as base64 (the contract's). */
const ImportFileSchema = MapImportFileSchema;
const ImportPreviewSchema = named(MapImportPreviewSchema, "ImportPreview");
const tags = ["Import and export"];
const base = "/api/workspaces/{workspaceId}/maps";

const exportRoute = createRoute({
  method: "get",
  path: `${base}/{mapId}/export`,
  tags,
  summary: "Export a map: pdf, png, infographic, infographic-png, pptx, xlsx, csv, json, md or mermaid",
  description:
    "`lang` sets the language of the labels (default: the map's); `paper` (A4, A3, Letter, fit) and `orientation` apply to pdf (a png is always one image of the whole map), `scale` (1–3) to png (by default 2, less for a map whose picture would pass 25 megapixels, never below 1); `infographic` is one landscape page summarising the map (persona, stages, emotion curve, top pain points and opportunities, key numbers) as a PDF on `paper`, `infographic-png` the same page as an image; `version` exports a version from the map's history; `research=true` adds the map's research (a Research sheet in xlsx, a research appendix in pdf), participants named by code only.",
  request: { params: MapParams, query: ExportQuery },
  responses: {
    200: {
      description: "The file, as an attachment",
      content: Object.fromEntries(
        Object.values(EXPORT_FILE_TYPES).map((t) => [
          t.contentType.split(";")[0],
          { schema: z.string().openapi({ format: "binary" }) },
        ]),
      ),
    },
    ...errorResponses,
  },
});
const prepareRoute = createRoute({
  method: "post",
  path: `${base}/{mapId}/export/prepare`,
  tags,
  summary: "Get ready to export a map as pdf, png or infographic (the export dialog opened): answers at once",
  description:
    "Starts the server's export browser and draws the map's print view in it, in the format, `lang`, `paper` and `orientation` the export would ask for (as in the export; by default a PDF on A4 landscape in the map's language), so the export asked for next waits neither for the browser nor for the app's code, fonts and layout to warm up; nothing is exported. Best effort: while the browser is busy, for a view drawn in the last minute, or past a few requests of one person (then one every 20 s) it does nothing; a data format does nothing.",
  request: { params: MapParams, query: PrepareQuery },
  responses: { 204: { description: "Getting ready" }, ...errorResponses },
});
const preview = createRoute({
  method: "post",
  path: `${base}/import/preview`,
  tags,
  summary: "Read a file and show what importing it would create and leave out; nothing is written",
  request: { params: WorkspaceParams, ...jsonBody(ImportFileSchema) },
  responses: { 200: jsonContent(ImportPreviewSchema, "Preview"), ...errorResponses },
});
const importRoute = createRoute({
  method: "post",
  path: `${base}/import`,
  tags,
  summary:
    "Import a map from our JSON (any version), an Excel/CSV grid, Mermaid journey or OpenJourney (.ojf); all or nothing",
  request: { params: WorkspaceParams, ...jsonBody(ImportFileSchema) },
  responses: { 201: jsonContent(MapImportedSchema, "Imported"), ...errorResponses },
});

function fileBytes(file: z.infer<typeof ImportFileSchema>): Uint8Array {
  if (file.encoding === "text") return new TextEncoder().encode(file.content);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content.replace(/\s+/g, ""))) throw fieldError("content", "is not base64");
  return new Uint8Array(Buffer.from(file.content, "base64"));
}

async function previewOf(c: Context<AppEnv>, workspaceId: string, file: z.infer<typeof ImportFileSchema>) {
  // Parsing is the heavy part of an import; off the main thread, a big file cannot hold up other requests.
  const draft = await parseImportFileOffThread({ name: file.name, bytes: fileBytes(file) });
  const reused = await findPersonas(
    c.get("services").db,
    workspaceId,
    draft.personas.map((p) => p.oldId),
  );
  const summary = summarizeImport(draft);
  const locale = await readerLocale(c);
  const preview = {
    ...summary,
    report: localiseImportReport(summary.report, locale),
    reusedPersonas: reused.map((p) => p.name),
  };
  return { draft, locale, preview };
}

/** What a data export of a map holds: the map, its ideas and KPIs, and its research when the member asked for it. */
async function dataExportInput(
  c: Context<AppEnv>,
  workspaceId: string,
  map: { id: string; workspaceId: string; title: string },
  query: z.infer<typeof ExportQuery>,
  versionSnapshot: MapSnapshot | undefined,
) {
  const services = c.get("services");
  const input = await withIdeasAndKpis(
    services,
    workspaceId,
    await loadExportInput(services, map, query.lang, versionSnapshot),
  );
  return query.research === "true" ? withResearch(services, workspaceId, input) : input;
}

/** Export a map in any format; preview and run imports of files from other tools. */
export function registerExchangeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(exportRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const query = c.req.valid("query");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "read");
    const found = await services.maps.find(workspaceId, mapId);
    if (!found) throw notFound("map");
    const { format } = query;
    const version = query.version ? await readMapVersion(services.db, mapId, query.version) : undefined;
    const map = version ? { ...found, title: version.snapshot.settings.title } : found;
    const bytes = isPrintExport(format)
      ? await exportQueueOf(services).run(
          caller.userId,
          () =>
            renderPrintExport(services, localBaseUrl(c), map, caller.userId, {
              ...PRINT_EXPORTS[format],
              locale: query.lang,
              paper: query.paper,
              orientation: query.orientation,
              scale: query.scale,
              versionId: query.version,
              research: query.research === "true",
            }),
          c.req.raw.signal,
        )
      : await exportMapData(format, await dataExportInput(c, workspaceId, map, query, version?.snapshot), map);
    const name = exportFileName(map.title, query.format);
    const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
    // A file, not JSON: zod-openapi types only JSON responses, so the binary answer is cast past it.
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": EXPORT_FILE_TYPES[query.format].contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    }) as never;
  });

  app.openapi(prepareRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const { format, lang, paper, orientation } = c.req.valid("query");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "read");
    const map = await services.maps.find(workspaceId, mapId);
    if (!map) throw notFound("map");
    // Answers once the warm-up started: the dialog does not wait for it, and the export reports what failed in it.
    if (isPrintExport(format))
      await preparePrintExport(services, localBaseUrl(c), map, caller.userId, {
        ...PRINT_EXPORTS[format],
        locale: lang,
        paper,
        orientation,
      });
    return c.body(null, 204);
  });

  app.openapi(preview, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json((await previewOf(c, workspaceId, c.req.valid("json"))).preview, 200);
  });

  app.openapi(importRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    const { draft, locale, preview: summary } = await previewOf(c, workspaceId, c.req.valid("json"));
    const result = await importMapDraft(services, { workspaceId, userId: caller.userId, draft });
    return c.json(
      {
        mapId: result.mapId,
        personaIds: result.personaIds,
        touchpointIds: result.touchpointIds,
        preview: { ...summary, report: localiseImportReport(result.report, locale) },
      },
      201,
    );
  });
}
