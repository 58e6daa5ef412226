import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  MapSurveyScoresSchema,
  SurveyDeletedSchema,
  SurveyImportResultSchema,
  SurveyListQuerySchema,
  SurveyListSchema,
  SurveyMappingSchema,
  SurveyUploadedSchema,
  SurveyUploadSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { importSurvey, uploadSurvey } from "../../commands/surveyImporter.js";
import { listStudySurveys } from "../../commands/surveyLister.js";
import { readMapSurveyScores } from "../../commands/surveyScoresReader.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { deleteSurvey } from "../../store/researchSurveyListStore.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const research = "/api/workspaces/{workspaceId}/research";
const SurveyParams = WorkspaceParams.extend({ surveyId: IdSchema });
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const tags = ["Research"];
const tooLarge = { 413: { ...errorResponses[400], description: "The file is over a size limit or unpacks too far" } };

const uploadRoute = createRoute({
  method: "post",
  path: `${research}/surveys/upload`,
  tags,
  summary:
    "Upload a survey tool's export (CSV in any of the event import's encodings, or .xlsx) into a study; answers its columns with suggested scales, waiting for a mapping",
  request: { params: WorkspaceParams, ...jsonBody(SurveyUploadSchema) },
  responses: {
    201: jsonContent(named(SurveyUploadedSchema, "ResearchSurveyUploaded"), "Uploaded"),
    ...errorResponses,
    ...tooLarge,
  },
});
const mappingRoute = createRoute({
  method: "post",
  path: `${research}/surveys/{surveyId}/mapping`,
  tags,
  summary:
    "Import an uploaded survey under a mapping (each question's scale and map step, the respondent and participant columns); all or nothing, with a report of what was not kept",
  request: { params: SurveyParams, ...jsonBody(SurveyMappingSchema) },
  responses: {
    201: jsonContent(named(SurveyImportResultSchema, "ResearchSurveyImportResult"), "Imported"),
    ...errorResponses,
  },
});
const mapRoute = createRoute({
  method: "get",
  path: `${research}/maps/{mapId}/surveys`,
  tags,
  summary:
    "Survey answers on a map per step: each question's mean and count (NPS as promoters − detractors) and quotes",
  request: { params: MapParams },
  responses: { 200: jsonContent(named(MapSurveyScoresSchema, "ResearchMapSurveyScores"), "Scores"), ...errorResponses },
});

const listRoute = createRoute({
  method: "get",
  path: `${research}/surveys`,
  tags,
  summary:
    "A study's surveys, newest first: file, respondents, questions mapped, answers, when and by whom; uploads never mapped are purged after 24 hours",
  request: { params: WorkspaceParams, query: SurveyListQuerySchema },
  responses: { 200: jsonContent(named(SurveyListSchema, "ResearchSurveyList"), "Surveys"), ...errorResponses },
});
const deleteRoute = createRoute({
  method: "delete",
  path: `${research}/surveys/{surveyId}`,
  tags,
  summary: "Delete a survey: its raw rows, its answers and the quotes on maps taken from them, with the counts",
  request: { params: SurveyParams },
  responses: { 200: jsonContent(named(SurveyDeletedSchema, "ResearchSurveyDeleted"), "Deleted"), ...errorResponses },
});

/** Survey responses (PRODUCT.md §4.5): editors import and delete, members list them and read the scores on a map. */
export function registerSurveyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await uploadSurvey(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(mappingRoute, async (c) => {
    const { workspaceId, surveyId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await importSurvey(services, workspaceId, surveyId, c.req.valid("json")), 201);
  });

  app.openapi(listRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json({ surveys: await listStudySurveys(services, workspaceId, c.req.valid("query").studyId) }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { workspaceId, surveyId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await deleteSurvey(services.db, workspaceId, surveyId), 200);
  });

  app.openapi(mapRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readMapSurveyScores(services, workspaceId, mapId), 200);
  });
}
