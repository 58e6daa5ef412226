import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/**
 * The address this server answers on from the machine itself, for the browser that prints exports: the socket's own
 * port on loopback, so a proxy's public host name (perhaps unreachable from here) never matters. Falls back to the
 * request URL outside Node's HTTP server.
 */
export function localBaseUrl(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const port = incoming?.socket?.localPort;
  if (port) {
    const address = incoming.socket.localAddress ?? "127.0.0.1";
    const host =
      address === "::" || address === "0.0.0.0" || address.startsWith("::ffff:127.")
        ? "127.0.0.1"
        : address.includes(":")
          ? `[${address}]`
          : address;
    return `http://${host}:${port}`;
  }
  return new URL(c.req.url).origin;
}
