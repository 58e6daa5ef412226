import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "../app.js";
import type { AppConfig } from "../config.js";
import type { AppEnv } from "../http/appEnv.js";
import type { Services } from "../services.js";
import { createTestServices } from "./testServices.js";

/** The real app over a fresh database, called in-process with `request`. */
export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  services: Services;
  /** Sends a request; a non-string body is sent as JSON. */
  request(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<{
    status: number;
    body: Record<string, unknown> & {
      error?: { code: string; message: string; issues: Array<{ path: string; message: string }> };
    };
    headers: Headers;
  }>;
  dispose(): Promise<void>;
}

/** Builds the app with real services over a new SQLite or PostgreSQL database. */
export async function createTestApp(
  dialect: "sqlite" | "postgres",
  overrides: Partial<AppConfig> = {},
): Promise<TestApp> {
  const { t, services } = await createTestServices(dialect, overrides);
  const app = createApp(services);
  return {
    app,
    services,
    async request(method, path, options = {}) {
      const body =
        options.body === undefined
          ? undefined
          : typeof options.body === "string"
            ? options.body
            : JSON.stringify(options.body);
      const res = await app.request(path, {
        method,
        headers: { "content-type": "application/json", ...options.headers },
        body,
      });
      const text = await res.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = { text };
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    dispose: () => t.dispose(),
  };
}
