import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import {
  buildMapFromTemplate,
  findTemplate,
  listTemplates,
  LocaleSchema,
  TemplatePreviewSchema,
  TemplateSummarySchema as TemplateSummaryContract,
} from "@opencjm/core";
import { notFound } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonContent, named } from "../openApiSchemas.js";

const TemplateSummarySchema = named(TemplateSummaryContract, "TemplateSummary");
const LocaleQuery = z.object({ locale: LocaleSchema.default("en") });
const tags = ["Templates"];

const list = createRoute({
  method: "get",
  path: "/api/templates",
  tags,
  summary: "The template gallery in a language",
  request: { query: LocaleQuery },
  responses: { 200: jsonContent(z.array(TemplateSummarySchema), "Templates"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: "/api/templates/{templateId}",
  tags,
  summary: "A preview of the map a template creates",
  request: { params: z.object({ templateId: z.string().max(60) }), query: LocaleQuery },
  responses: { 200: jsonContent(TemplatePreviewSchema, "Preview"), ...errorResponses },
});

/** Templates of PRODUCT.md §4.4, for any signed-in user. */
export function registerTemplateRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (c) => {
    requireCaller(c);
    return c.json(listTemplates(c.req.valid("query").locale), 200);
  });

  app.openapi(get, (c) => {
    requireCaller(c);
    const { templateId } = c.req.valid("param");
    const { locale } = c.req.valid("query");
    if (!findTemplate(templateId)) throw notFound("template");
    const template = listTemplates(locale).find((t) => t.id === templateId)!;
    return c.json({ template, snapshot: buildMapFromTemplate(templateId, { locale }) }, 200);
  });
}
