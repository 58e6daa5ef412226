import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/appEnv.js";
import { registerImportsRoutes } from "./analytics/importsRoutes.js";
import { registerSourcesIdentityRoutes } from "./analytics/sourcesIdentityRoutes.js";
import { registerSourcesRoutes } from "./analytics/sourcesRoutes.js";
import { registerSegmentRoutes } from "./analytics/segmentRoutes.js";
import { registerMetricsRoutes } from "./analytics/metricsRoutes.js";
import { registerTouchpointRulesRoutes } from "./analytics/touchpointRulesRoutes.js";
import { registerAuthRoutes } from "./auth/authRoutes.js";
import { registerTouchpointRoutes } from "./catalogue/touchpointRoutes.js";
import { registerDocsRoutes } from "./docs/docsRoutes.js";
import { registerExchangeRoutes } from "./exchange/exchangeRoutes.js";
import { registerFutureStateRoutes } from "./maps/futureStateRoutes.js";
import { registerMapRoutes } from "./maps/mapRoutes.js";
import { registerPersonaPhotoRoutes } from "./personas/personaPhotoRoutes.js";
import { registerPersonaRoutes } from "./personas/personaRoutes.js";
import { registerSchemaRoutes } from "./schemas/schemaRoutes.js";
import { registerShareRoutes } from "./share/shareRoutes.js";
import { registerTemplateRoutes } from "./templates/templateRoutes.js";
import { registerTokenRoutes } from "./tokens/tokenRoutes.js";
import { registerInvitationRoutes } from "./workspaces/invitationRoutes.js";
import { registerMemberRoutes } from "./workspaces/memberRoutes.js";
import { registerWorkspaceRoutes } from "./workspaces/workspaceRoutes.js";

/** Mounts every API route module; each module registers its own OpenAPI routes. */
export function registerApiRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/api/health", (c) => c.json({ ok: true }));
  registerAuthRoutes(app);
  registerTokenRoutes(app);
  registerWorkspaceRoutes(app);
  registerMemberRoutes(app);
  registerInvitationRoutes(app);
  registerPersonaRoutes(app);
  registerPersonaPhotoRoutes(app);
  registerTouchpointRoutes(app);
  registerTemplateRoutes(app);
  registerMapRoutes(app);
  registerTouchpointRulesRoutes(app);
  registerMetricsRoutes(app);
  registerFutureStateRoutes(app);
  registerExchangeRoutes(app);
  registerShareRoutes(app);
  registerSchemaRoutes(app);
  registerSourcesRoutes(app);
  registerImportsRoutes(app);
  registerSourcesIdentityRoutes(app);
  registerSegmentRoutes(app);
  registerDocsRoutes(app);
}
