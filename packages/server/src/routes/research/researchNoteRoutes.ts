import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  ErasureReportSchema,
  IdSchema,
  NoteCreateSchema,
  NoteListSchema,
  NoteSchema,
  NoteUpdateSchema,
  NoteUploadSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { eraseResearchScope } from "../../commands/researchEraser.js";
import { changeNote, createTypedNote, uploadNote } from "../../commands/researchNoteWriter.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { getNote, listNotes } from "../../store/researchNoteStore.js";
import { errorResponses, jsonBody, jsonContent, named, WorkspaceParams } from "../openApiSchemas.js";

const Note = named(NoteSchema, "ResearchNote");
const NoteParams = WorkspaceParams.extend({ noteId: IdSchema });
const notes = "/api/workspaces/{workspaceId}/research/notes";
const tags = ["Research"];
const tooLarge = { 413: { ...errorResponses[400], description: "The file or its text is over a size limit" } };

const listRoute = createRoute({
  method: "get",
  path: notes,
  tags,
  summary: "Notes and transcripts (without their text), of a study or participant when given, newest first",
  request: {
    params: WorkspaceParams,
    query: z.object({ studyId: IdSchema.optional(), participantId: IdSchema.optional() }),
  },
  responses: { 200: jsonContent(named(NoteListSchema, "ResearchNoteList"), "Notes"), ...errorResponses },
});
const createRouteDef = createRoute({
  method: "post",
  path: notes,
  tags,
  summary: "Add a typed or pasted note to a study, optionally of one participant",
  request: { params: WorkspaceParams, ...jsonBody(NoteCreateSchema) },
  responses: { 201: jsonContent(Note, "Created"), ...errorResponses, ...tooLarge },
});
const uploadRoute = createRoute({
  method: "post",
  path: `${notes}/upload`,
  tags,
  summary:
    "Upload a transcript (.txt, .md in any of the event import's encodings, .docx, .vtt or .srt with speakers and times) as a note; all or nothing",
  request: { params: WorkspaceParams, ...jsonBody(NoteUploadSchema) },
  responses: { 201: jsonContent(Note, "Created"), ...errorResponses, ...tooLarge },
});
const getRoute = createRoute({
  method: "get",
  path: `${notes}/{noteId}`,
  tags,
  summary: "One note with its text and, for subtitles, its timed parts",
  request: { params: NoteParams },
  responses: { 200: jsonContent(Note, "Note"), ...errorResponses },
});
const updateRoute = createRoute({
  method: "patch",
  path: `${notes}/{noteId}`,
  tags,
  summary: "Rename a note, give it another participant of its study, or change a typed note's text",
  request: { params: NoteParams, ...jsonBody(NoteUpdateSchema) },
  responses: { 200: jsonContent(Note, "Updated"), ...errorResponses },
});
const deleteRoute = createRoute({
  method: "delete",
  path: `${notes}/{noteId}`,
  tags,
  summary: "Delete a note with its highlights and the quotes on maps derived from them",
  request: { params: NoteParams },
  responses: { 200: jsonContent(named(ErasureReportSchema, "ResearchErasureReport"), "Removed"), ...errorResponses },
});

/** Research notes and transcripts (PRODUCT.md §4.5): members read, editors write. */
export function registerResearchNoteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json({ notes: await listNotes(services.db, workspaceId, c.req.valid("query")) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await createTypedNote(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(uploadRoute, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await uploadNote(services, workspaceId, caller.userId, c.req.valid("json")), 201);
  });

  app.openapi(getRoute, async (c) => {
    const { workspaceId, noteId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    return c.json(await getNote(services.db, workspaceId, noteId), 200);
  });

  app.openapi(updateRoute, async (c) => {
    const { workspaceId, noteId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "write");
    return c.json(await changeNote(services, workspaceId, noteId, c.req.valid("json")), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { workspaceId, noteId } = c.req.valid("param");
    const services = c.get("services");
    const caller = requireCaller(c);
    await requireWorkspacePermission(services.db, caller, workspaceId, "write");
    return c.json(await eraseResearchScope(services, workspaceId, caller.userId, { noteId }), 200);
  });
}
