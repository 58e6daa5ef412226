import type { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "kysely";
import { clickHouseReadiness } from "../../analyticsEngine/clickHouseEngine.js";
import type { AppEnv } from "../../http/appEnv.js";

/**
 * `GET /api/ready`, for a load balancer or orchestrator: 200 once this instance can serve (its database answers and,
 * with several instances, it hears the others through Redis; with ClickHouse, every shard answers), else 503 naming
 * the part at fault. `/api/health` only
 * says the process is up.
 */
export function registerReadinessRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get("/api/ready", async (c) => {
    const services = c.get("services");
    c.header("cache-control", "no-store");
    try {
      await sql`select 1`.execute(services.db.kysely);
    } catch (err) {
      return c.json({ ready: false, reason: `database: ${err instanceof Error ? err.message : String(err)}` }, 503);
    }
    const cluster = await services.cluster.readiness();
    if (!cluster.ready) return c.json({ ready: false, reason: cluster.reason }, 503);
    const clickHouse = await clickHouseReadiness(services.analytics);
    if (!clickHouse.ready) return c.json({ ready: false, reason: clickHouse.reason }, 503);
    return c.json({ ready: true, instance: services.cluster.instanceId, shared: services.cluster.shared }, 200);
  });
}
