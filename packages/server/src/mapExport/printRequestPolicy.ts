/**
 * Which requests the export browser may make while it prints `printUrl` (the app's `/print/{token}` view): the page
 * itself, the web app's built files, and the share endpoint of that one token — nothing else. An image card pointing
 * at the app's own API (`/api/…/export` would start another export; issue 11 item 8), at another print or share page,
 * at the collaboration socket, or at any other host (loopback, the internal network, the public address of this very
 * server) is refused, so printing a map can neither amplify itself nor reach anything beyond the map it prints.
 */
export function isPrintRequestAllowed(requestUrl: string, printUrl: URL): boolean {
  // Pictures stored in cards and the app's inline assets never leave the browser.
  if (requestUrl.startsWith("data:") || requestUrl.startsWith("blob:")) return true;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return false;
  }
  if (url.origin !== printUrl.origin) return false;
  const path = url.pathname;
  if (path === printUrl.pathname) return true;
  // Hashed script, style and font files of the built app (serveWebApp only ever serves listed names from there).
  if (/^\/assets\/[^/]+$/.test(path)) return true;
  const token = printUrl.pathname.match(/^\/print\/([^/]+)$/)?.[1];
  return token !== undefined && path === `/api/share/${token}`;
}
