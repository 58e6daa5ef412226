import { createMiddleware } from "hono/factory";
import { DomainError } from "../errors/DomainError.js";
import type { AppEnv } from "./appEnv.js";
import { isStreamedUpload } from "./streamedUpload.js";

/** Deeper JSON than any of our documents needs; deeper input is only ever an attack on the parser or the walkers. */
const MAX_JSON_DEPTH = 64;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const badRequest = (code: string, message: string, path = "body") =>
  new DomainError({ kind: "invalid", code, message, details: [{ path, message }] });

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A NUL (PostgreSQL cannot store it in text) or an unpaired surrogate (not encodable as UTF-8). */
const isUnstorable = (text: string) => text.includes("\u0000") || UNPAIRED_SURROGATE.test(text);

/** Walks a parsed JSON value without recursion; returns the path of the first unstorable string or too deep a value. */
function findProblem(value: unknown): { path: string; problem: "depth" | "text" } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      if (isUnstorable(item.value)) return { path: item.path || "body", problem: "text" };
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= MAX_JSON_DEPTH) return { path: item.path || "body", problem: "depth" };
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (isUnstorable(key)) return { path, problem: "text" };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Refuses an address whose path or query decodes to a NUL, an unpaired surrogate or invalid percent-encoding. */
function checkAddress(url: string): void {
  const { pathname, search } = new URL(url);
  for (const part of [...pathname.split("/"), ...search.slice(1).split(/[&=]/)]) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      throw badRequest("invalid_request", "the address holds invalid percent-encoding", "url");
    }
    if (isUnstorable(decoded))
      throw badRequest("invalid_request", "the address holds a NUL character or an unpaired surrogate", "url");
  }
}

/**
 * Turns hostile input into a clear 400 before any route sees it (issue 11 item 9): addresses with NUL characters or
 * broken encoding, and JSON bodies that are not UTF-8, not JSON, nested deeper than 64 levels, or hold strings no
 * database can store. Routes then only ever parse well-formed text.
 */
export const rejectMalformedInput = createMiddleware<AppEnv>(async (c, next) => {
  checkAddress(c.req.url);
  const type = c.req.header("content-type") ?? "";
  // Event files stream to disk whatever type they are sent as; reading one into memory here would undo that.
  if (isStreamedUpload(c.req.method, c.req.path)) return next();
  if (!BODY_METHODS.has(c.req.method) || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return next();
  // Read once here; Hono keeps the bytes, so the route's own c.req.json() parses the same body again from memory.
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0) return next();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("invalid_encoding", "the request body is not valid UTF-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badRequest(
      "invalid_json",
      `the request body is not valid JSON (${err instanceof Error ? err.message.split("\n")[0]!.slice(0, 200) : "parse error"})`,
    );
  }
  const found = findProblem(value);
  if (found?.problem === "depth")
    throw badRequest("invalid_request", `${found.path}: is nested more than ${MAX_JSON_DEPTH} levels deep`, found.path);
  if (found)
    throw badRequest("invalid_request", `${found.path}: holds a NUL character or an unpaired surrogate`, found.path);
  return next();
});
