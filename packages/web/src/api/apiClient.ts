import type { ApiIssue } from "@opencjm/core";

/** An error answer of the API (`{ error: { code, message, issues } }`), or a network failure (`code: "network"`). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

let csrfToken: string | undefined;

/** Remembers the CSRF token of the session; every write sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Body = unknown;

interface RequestOptions {
  body?: Body;
  /** A raw body (a file upload) sent as is instead of JSON. */
  raw?: Blob | ArrayBuffer;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin", signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiRequestError(0, "network", err instanceof Error ? err.message : String(err));
  }
  if (response.ok) {
    const type = response.headers.get("content-type") ?? "";
    return (type.includes("json") ? await response.json() : await response.text()) as T;
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page): fall back to the status.
  }
  // The contract's schema comes with the rest of the app (it is in the app's chunk): the page's first requests are
  // made by a small entry that starts them before the app's code has loaded (main.tsx).
  const { ApiErrorBodySchema } = await import("@opencjm/core");
  const parsed = ApiErrorBodySchema.safeParse(payload);
  if (!parsed.success) throw new ApiRequestError(response.status, `http_${response.status}`, response.statusText);
  const { code, message, issues } = parsed.data.error;
  throw new ApiRequestError(response.status, code, message, issues);
}

/** The JSON API of the server, under /api, with the session cookie and CSRF token. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, options),
  post: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>("POST", path, { ...options, body }),
  patch: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>("PATCH", path, { ...options, body }),
  put: <T>(path: string, body?: Body, options?: RequestOptions) => request<T>("PUT", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, options),
  upload: <T>(path: string, file: Blob, options?: RequestOptions) =>
    request<T>("POST", path, {
      ...options,
      raw: file,
      headers: { "content-type": file.type || "application/octet-stream", ...options?.headers },
    }),
};
