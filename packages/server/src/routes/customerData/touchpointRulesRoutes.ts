import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { getRuleMatches } from "@opencjm/analytics";
import {
  IdSchema,
  RuleMatchesSchema,
  RuleMatchSchema,
  TouchpointRuleFieldsSchema,
  TouchpointRulePatchSchema,
  TouchpointRuleSchema,
} from "@opencjm/core";
import { requireWorkspacePermission } from "../../auth/workspaceAccess.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireCaller } from "../../http/callerMiddleware.js";
import { errorResponses, jsonBody, jsonContent, OkSchema, WorkspaceParams } from "../openApiSchemas.js";
import {
  createTouchpointRule,
  deleteTouchpointRule,
  findTouchpointRule,
  listTouchpointRules,
  updateTouchpointRule,
} from "../../store/touchpointRuleStore.js";

const RuleParams = WorkspaceParams.extend({ ruleId: IdSchema });
const Rule = TouchpointRuleSchema;
const PreviewSchema = RuleMatchesSchema;
const tags = ["Touchpoint rules"];
const base = "/api/workspaces/{workspaceId}/touchpoint-rules";

const list = createRoute({
  method: "get",
  path: base,
  tags,
  summary: "The workspace's touchpoint mapping rules, in the order they are tried",
  request: { params: WorkspaceParams },
  responses: { 200: jsonContent(z.array(Rule), "Rules"), ...errorResponses },
});
const create = createRoute({
  method: "post",
  path: base,
  tags,
  summary:
    "Add a rule (tried after the existing ones): event names or a wildcard pattern, an optional channel and property conditions",
  request: { params: WorkspaceParams, ...jsonBody(TouchpointRuleFieldsSchema) },
  responses: { 201: jsonContent(Rule, "Created"), ...errorResponses },
});
const preview = createRoute({
  method: "post",
  path: `${base}/preview`,
  tags,
  summary: "How many events and customers a rule would match (on its own), with the event names it takes",
  request: { params: WorkspaceParams, ...jsonBody(RuleMatchSchema) },
  responses: { 200: jsonContent(PreviewSchema, "Matches"), ...errorResponses },
});
const get = createRoute({
  method: "get",
  path: `${base}/{ruleId}`,
  tags,
  summary: "One rule",
  request: { params: RuleParams },
  responses: { 200: jsonContent(Rule, "Rule"), ...errorResponses },
});
const patch = createRoute({
  method: "patch",
  path: `${base}/{ruleId}`,
  tags,
  summary: "Change a rule or move it (position before/after another rule)",
  request: { params: RuleParams, ...jsonBody(TouchpointRulePatchSchema) },
  responses: { 200: jsonContent(Rule, "Updated"), ...errorResponses },
});
const remove = createRoute({
  method: "delete",
  path: `${base}/{ruleId}`,
  tags,
  summary: "Delete a rule",
  request: { params: RuleParams },
  responses: { 200: jsonContent(OkSchema, "Deleted"), ...errorResponses },
});

/** Touchpoint mapping rules: CRUD and a live preview of what a rule matches. */
export function registerTouchpointRulesRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await listTouchpointRules(db, workspaceId), 200);
  });

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await createTouchpointRule(db, workspaceId, c.req.valid("json")), 201);
  });

  app.openapi(preview, async (c) => {
    const { workspaceId } = c.req.valid("param");
    const services = c.get("services");
    await requireWorkspacePermission(services.db, requireCaller(c), workspaceId, "read");
    const events = await services.analytics.open(workspaceId);
    return c.json(await getRuleMatches(events.connection, c.req.valid("json")), 200);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, ruleId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "read");
    return c.json(await findTouchpointRule(db, workspaceId, ruleId), 200);
  });

  app.openapi(patch, async (c) => {
    const { workspaceId, ruleId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    return c.json(await updateTouchpointRule(db, workspaceId, ruleId, c.req.valid("json")), 200);
  });

  app.openapi(remove, async (c) => {
    const { workspaceId, ruleId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireWorkspacePermission(db, requireCaller(c), workspaceId, "write");
    await deleteTouchpointRule(db, workspaceId, ruleId);
    return c.json({ ok: true as const }, 200);
  });
}
