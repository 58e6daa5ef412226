import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether a WebSocket upgrade may proceed, judged by its Origin header. Browsers always send Origin on WebSocket
 * upgrades and a page cannot forge it, so a socket opened by another site's page (cross-site WebSocket hijacking, which
 * would ride the victim's session cookie) is refused. Allowed: the server's own origin as the browser reached it (the
 * Host header), PUBLIC_URL's origin, and the origins listed in ALLOWED_ORIGINS. Clients that are not browsers send no
 * Origin; they authenticate with a token and are let through.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowed: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.some((a) => sameOrigin(a, parsed))) return true;
  // Same origin: the page was served by this host and port (behind a proxy, Host is what the browser asked for).
  return headers.host !== undefined && parsed.host.toLowerCase() === headers.host.toLowerCase();
}

function sameOrigin(allowed: string, origin: URL): boolean {
  try {
    return new URL(allowed).origin === origin.origin;
  } catch {
    return false;
  }
}
