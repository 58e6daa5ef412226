import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  HighlightCreateSchema,
  HighlightListSchema,
  HighlightSchema,
  HighlightUpdateSchema,
  IdSchema,
  MapResearchQuotePageQuerySchema,
  MapResearchQuotePageSchema,
  MapResearchSchema,
  MapResearchSummarySchema,
  ResearchSearchQuerySchema,
  ResearchSearchResultSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { presentHighlight, ResearchLookup } from "../../commands/highlightAnchorResolver.js";
import { createHighlight, updateHighlight } from "../../commands/highlightWriter.js";
import { readMapResearch } from "../../commands/mapResearchReader.js";
import { readMapResearchSummary, readStepQuotePage } from "../../commands/mapResearchSummarizer.js";
import { searchResearch } from "../../commands/researchSearcher.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { deleteHighlight, getHighlight, listHighlights } from "../../store/highlightStore.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const Highlight = named(HighlightSchema, "ResearchHighlight");
const HighlightParams = WorkspaceParams.extend({ highlightId: IdSchema });
const research = "/api/workspaces/{workspaceId}/research";
const highlights = `${research}/highlights`;
const tags = ["Research"];

const listRoute = createRoute({
  method: "get",
  path: highlights,
  tags,
  summary: "Highlights of a note, study or participant, in note order, with their anchors checked against the maps",
  request: {
    params: WorkspaceParams,
    query: z.object({
      noteId: IdSchema.optional(),
      studyId: IdSchema.optional(),
      participantId: IdSchema.optional(),
    }),
  },
  responses: { 200: jsonContent(named(HighlightListSchema, "ResearchHighlightList"), "Highlights"), ...errorResponses },
});
const createHighlightRoute = createRoute({
  method: "post",
  path: highlights,
  tags,
  summary: "Highlight a span of a note as a quote or insight, anchored to steps, stages, cards or ideas, with tags",
  request: { params: WorkspaceParams, ...jsonBody(HighlightCreateSchema) },
  responses: { 201: jsonContent(Highlight, "Created"), ...errorResponses },
});
const getRoute = createRoute({
  method: "get",
  path: `${highlights}/{highlightId}`,
  tags,
  summary: "One highlight",
  request: { params: HighlightParams },
  responses: { 200: jsonContent(Highlight, "Highlight"), ...errorResponses },
});
const updateRoute = createRoute({
  method: "patch",
  path: `${highlights}/{highlightId}`,
  tags,
  summary: "Change a highlight's kind, insight, participant, anchors, tags or sentiment (null: the engine's again)",
  request: { params: HighlightParams, ...jsonBody(HighlightUpdateSchema) },
  responses: { 200: jsonContent(Highlight, "Updated"), ...errorResponses },
});
const deleteRoute = createRoute({
  method: "delete",
  path: `${highlights}/{highlightId}`,
  tags,
  summary: "Delete a highlight",
  request: { params: HighlightParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses },
});
const searchRoute = createRoute({
  method: "get",
  path: `${research}/search`,
  tags,
  summary: "Insight search across studies: words in any script, and filters by tag, persona, map, step, sentiment",
  request: { params: WorkspaceParams, query: ResearchSearchQuerySchema },
  responses: { 200: jsonContent(named(ResearchSearchResultSchema, "ResearchSearchResult"), "Hits"), ...errorResponses },
});
const mapRoute = createRoute({
  method: "get",
  path: `${research}/maps/{mapId}`,
  tags,
  summary: "A map's research: highlights as quotes per step, cards resting on research, highlights on deleted content",
  request: { params: WorkspaceParams.extend({ mapId: IdSchema }) },
  responses: { 200: jsonContent(named(MapResearchSchema, "MapResearch"), "Research"), ...errorResponses },
});
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const summaryRoute = createRoute({
  method: "get",
  path: `${research}/maps/{mapId}/summary`,
  tags,
  summary: "What opening a map needs of its research: per step counts, participants, sentiment and newest quotes",
  request: { params: MapParams },
  responses: { 200: jsonContent(named(MapResearchSummarySchema, "MapResearchSummary"), "Summary"), ...errorResponses },
});
const stepQuotesRoute = createRoute({
  method: "get",
  path: `${research}/maps/{mapId}/steps/{stepId}/quotes`,
  tags,
  summary: "A page of one step's research quotes, newest first; `next` is the cursor of the following page",
  request: { params: MapParams.extend({ stepId: IdSchema }), query: MapResearchQuotePageQuerySchema },
  responses: {
    200: jsonContent(named(MapResearchQuotePageSchema, "MapResearchQuotePage"), "Quotes"),
    ...errorResponses,
  },
});

/** Highlights, insight search and a map's research (PRODUCT.md §4.5): members read, editors write. */
export function registerHighlightRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const lookup = new ResearchLookup(services, workspaceId);
    const stored = await listHighlights(services.db, workspaceId, c.req.valid("query"));
    return c.json({ highlights: await Promise.all(stored.map((h) => presentHighlight(lookup, h))) }, 200);
  });

  app.openapi(createHighlightRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await createHighlight(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(getRoute, async (c) => {
    const { workspaceId, highlightId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const stored = await getHighlight(services.db, workspaceId, highlightId);
    return c.json(await presentHighlight(new ResearchLookup(services, workspaceId), stored), 200);
  });

  app.openapi(updateRoute, async (c) => {
    const { workspaceId, highlightId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await updateHighlight(services, workspaceId, highlightId, c.req.valid("json")), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { workspaceId, highlightId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    await getHighlight(services.db, workspaceId, highlightId);
    await deleteHighlight(services.db, highlightId);
    return c.body(null, 204);
  });

  app.openapi(searchRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await searchResearch(services, workspaceId, c.req.valid("query")), 200);
  });

  app.openapi(mapRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readMapResearch(services, workspaceId, mapId), 200);
  });

  app.openapi(summaryRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readMapResearchSummary(services, workspaceId, mapId), 200);
  });

  app.openapi(stepQuotesRoute, async (c) => {
    const { workspaceId, mapId, stepId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readStepQuotePage(services, workspaceId, mapId, stepId, c.req.valid("query")), 200);
  });
}
