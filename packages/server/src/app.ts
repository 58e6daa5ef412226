import { compress } from "hono/compress";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { DomainError } from "./errors/DomainError.js";
import type { AppEnv } from "./http/appEnv.js";
import { callerMiddleware } from "./http/callerMiddleware.js";
import { handleError, validationError } from "./http/errorHandling.js";
import { rejectMalformedInput } from "./http/rejectMalformedInput.js";
import { isStreamedUpload } from "./http/streamedUpload.js";
import { registerApiRoutes } from "./routes/registerApiRoutes.js";
import type { Services } from "./services.js";
import { mountWebApp } from "./web/serveWebApp.js";

/** Builds the HTTP application: API under /api, the OpenAPI document and reference page, and the web app. */
export function createApp(services: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Every zod failure in a route's request schema becomes a 400 naming the field.
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target === "json" ? "" : result.target);
    },
  });
  app.onError(handleError);
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? c.json({ error: { code: "not_found", message: `no route ${c.req.method} ${c.req.path}`, issues: [] } }, 404)
      : c.text("Not found", 404),
  );
  // Scripts, fonts, fetches and the collaboration socket only from this origin ('self' covers same-origin ws/wss in
  // CSP 3, so a script that got in could not open a socket to anywhere else); no plugins, no <base> rewriting, forms
  // post only here. Inline styles stay: React sets style attributes.
  const csp = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
  };
  // Only the read-only embed view may be framed by other sites; every other page refuses to be framed at all.
  const framed = secureHeaders({ contentSecurityPolicy: { ...csp, frameAncestors: ["*"] }, xFrameOptions: false });
  const unframed = secureHeaders({
    contentSecurityPolicy: { ...csp, frameAncestors: ["'none'"] },
    xFrameOptions: "DENY",
  });
  app.use("*", (c, next) => (c.req.path.startsWith("/embed/") ? framed(c, next) : unframed(c, next)));
  app.use("/api/*", async (c, next) => {
    c.set("services", services);
    await next();
  });
  const limitBody = bodyLimit({
    maxSize: services.config.maxBodyBytes,
    onError: () => {
      throw new DomainError({
        kind: "too_large",
        code: "payload_too_large",
        message: `request body is larger than ${services.config.maxBodyBytes} bytes`,
      });
    },
  });
  // Event file uploads stream to disk under their own limit (MAX_UPLOAD_BYTES), checked by the upload itself.
  app.use("/api/*", (c, next) => (isStreamedUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)));
  // JSON answers (map lists, metrics, the OpenAPI document) shrink five- to tenfold with gzip; binary exports and
  // streamed uploads are left alone by the content-type filter and the Transfer-Encoding check inside compress().
  app.use("/api/*", compress());
  app.use("/api/*", callerMiddleware);
  app.use("/api/*", rejectMalformedInput);
  registerApiRoutes(app);
  mountWebApp(app);
  return app;
}
