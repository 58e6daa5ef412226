import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  IdSchema,
  JourneyStepAdoptedSchema,
  JourneyStepAdoptSchema,
  MapJourneysSchema,
  ParticipantJourneyPutSchema,
  ParticipantJourneySchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { readMapJourneys, readParticipantJourney } from "../../commands/participantJourneyReader.js";
import { adoptJourneyStep, saveParticipantJourney } from "../../commands/participantJourneyWriter.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { deleteJourney } from "../../store/researchJourneyStore.js";
import { getParticipant } from "../../store/researchParticipantStore.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const research = "/api/workspaces/{workspaceId}/research";
const JourneyParams = WorkspaceParams.extend({ participantId: IdSchema, mapId: IdSchema });
const MapParams = WorkspaceParams.extend({ mapId: IdSchema });
const Journey = named(ParticipantJourneySchema, "ResearchParticipantJourney");
const journeyPath = `${research}/participants/{participantId}/journeys/{mapId}`;
const tags = ["Research"];

const getRoute = createRoute({
  method: "get",
  path: journeyPath,
  tags,
  summary: "A participant's own journey on a map: as entered, else drafted from their highlights on its steps",
  request: { params: JourneyParams },
  responses: { 200: jsonContent(Journey, "Journey"), ...errorResponses },
});
const putRoute = createRoute({
  method: "put",
  path: journeyPath,
  tags,
  summary: "Enter a participant's journey on a map: the map's steps or new step names in order, each with an emotion",
  request: { params: JourneyParams, ...jsonBody(ParticipantJourneyPutSchema) },
  responses: { 200: jsonContent(Journey, "Stored"), ...errorResponses },
});
const deleteRoute = createRoute({
  method: "delete",
  path: journeyPath,
  tags,
  summary: "Delete a participant's entered journey on a map (the draft from their highlights shows again)",
  request: { params: JourneyParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses },
});
const mapRoute = createRoute({
  method: "get",
  path: `${research}/maps/{mapId}/journeys`,
  tags,
  summary: "Participants' journeys aggregated on a map: per step how many went through it and how they felt",
  request: { params: MapParams },
  responses: { 200: jsonContent(named(MapJourneysSchema, "ResearchMapJourneys"), "Aggregated"), ...errorResponses },
});
const adoptRoute = createRoute({
  method: "post",
  path: `${research}/maps/{mapId}/journeys/adopt`,
  tags,
  summary: "Add a step participants took that the map lacks to the map, and count their journeys there",
  request: { params: MapParams, ...jsonBody(JourneyStepAdoptSchema) },
  responses: {
    201: jsonContent(named(JourneyStepAdoptedSchema, "ResearchJourneyStepAdopted"), "Added"),
    ...errorResponses,
  },
});

/** Participant journeys and their aggregation on maps (PRODUCT.md §4.5): members read, editors write. */
export function registerJourneyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    const { workspaceId, participantId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readParticipantJourney(services, workspaceId, participantId, mapId), 200);
  });

  app.openapi(putRoute, async (c) => {
    const { workspaceId, participantId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await saveParticipantJourney(services, workspaceId, participantId, mapId, c.req.valid("json")), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { workspaceId, participantId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    await getParticipant(services.db, workspaceId, participantId);
    await deleteJourney(services.db, workspaceId, participantId, mapId);
    return c.body(null, 204);
  });

  app.openapi(mapRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await readMapJourneys(services, workspaceId, mapId), 200);
  });

  app.openapi(adoptRoute, async (c) => {
    const { workspaceId, mapId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await adoptJourneyStep(services, workspaceId, caller.userId, mapId, c.req.valid("json")), 201);
  });
}
