import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { IdSchema, PersonaSchema } from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import { removePersonaPhoto, setPersonaPhoto } from "../../commands/personaUpdater.js";
import { DomainError, notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { getPersonaPhoto, getPersonaRow } from "../../store/personaStore.js";
import { errorResponses, jsonContent, WorkspaceParams } from "../openApiSchemas.js";
import { detectImageType, PHOTO_CONTENT_TYPES } from "./imageType.js";

/** Largest photo accepted; the web app resizes photos to a few dozen kilobytes before sending them. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const Params = WorkspaceParams.extend({ personaId: IdSchema });
const path = "/api/workspaces/{workspaceId}/personas/{personaId}/photo";
const tags = ["Personas"];
const binary = z.string().openapi({ format: "binary" });
const imageBody = Object.fromEntries(PHOTO_CONTENT_TYPES.map((type) => [type, { schema: binary }]));

const upload = createRoute({
  method: "post",
  path,
  tags,
  summary: "Upload the persona's photo (JPEG, PNG or WebP, at most 2 MB); sets photoUrl",
  request: { params: Params, body: { content: imageBody, required: true } },
  responses: {
    200: jsonContent(PersonaSchema, "Persona with its new photoUrl"),
    413: errorResponses[400],
    415: errorResponses[400],
    ...errorResponses,
  },
});
const read = createRoute({
  method: "get",
  path,
  tags,
  summary: "The persona's photo",
  request: { params: Params },
  responses: { 200: { content: imageBody, description: "The image" }, ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path,
  tags,
  summary: "Remove the persona's photo (the generated avatar shows again)",
  request: { params: Params },
  responses: { 200: jsonContent(PersonaSchema, "Persona without photo"), ...errorResponses },
});

/** Persona photos: stored in their own table, checked by their bytes, served from the API with the caller's role. */
export function registerPersonaPhotoRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(upload, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    const row = await getPersonaRow(db, workspaceId, personaId);
    const declared = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!(PHOTO_CONTENT_TYPES as readonly string[]).includes(declared)) {
      throw new DomainError({
        kind: "unsupported_media_type",
        code: "unsupported_media_type",
        message: `content-type: "${declared || "none"}" is not a JPEG, PNG or WebP image`,
        field: "content-type",
        details: [{ path: "content-type", message: "must be image/jpeg, image/png or image/webp" }],
      });
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_PHOTO_BYTES)
      throw new DomainError({
        kind: "too_large",
        code: "payload_too_large",
        message: `photo: ${bytes.byteLength} bytes is more than ${MAX_PHOTO_BYTES}`,
        field: "photo",
        details: [{ path: "body", message: "photo too large" }],
      });
    const actual = detectImageType(bytes);
    if (actual !== declared) {
      throw new DomainError({
        kind: "invalid",
        code: "invalid_request",
        message: `body: the bytes are ${actual ? `a ${actual} image` : "not a JPEG, PNG or WebP image"}, but content-type says ${declared}`,
        field: "body",
        details: [{ path: "body", message: "not an image of the declared type" }],
      });
    }
    return c.json(await setPersonaPhoto(db, row, { contentType: actual, bytes }), 200);
  });

  app.openapi(read, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    const photo = await getPersonaPhoto(db, workspaceId, personaId);
    if (!photo) throw notFound("photo");
    c.header("cache-control", "private, max-age=86400");
    c.header("x-content-type-options", "nosniff");
    return c.body(photo.data, 200, { "content-type": photo.contentType });
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, personaId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await removePersonaPhoto(db, await getPersonaRow(db, workspaceId, personaId)), 200);
  });
}
