import type { PerMessageDeflateOptions } from "ws";

/**
 * permessage-deflate (RFC 7692) for the collaboration socket, which browsers offer on every WebSocket. A map's first
 * sync is its whole Yjs state, about 680 kB for a 40 × 20 map of 2,280 cards, mostly repeated field names and ids:
 * deflated it is about 116 kB, for some 5 ms of the thread pool (zlib runs off the event loop). Small messages (a
 * keystroke's update, presence, acknowledgements) are sent as they are, so typing pays nothing.
 *
 * Memory is bounded per socket: each message is compressed on its own (no context kept between messages, which
 * only helps small messages, and those are not compressed), with a 4 kB window and zlib's memLevel 7, about 80 kB
 * of deflate state, created only on a socket's first large message; ws runs at most 10 zlib jobs at once. What a
 * client sends compressed is inflated against the same `maxPayload` as plain messages: ws stops inflating and closes
 * the socket (1009) as soon as a message grows past it, so a small frame cannot expand into a large one.
 */
export const COLLAB_SOCKET_COMPRESSION: PerMessageDeflateOptions = {
  threshold: 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  // 2^12: measured on the benchmark map, 116 kB against 117 kB with the largest window, at a quarter of its memory.
  serverMaxWindowBits: 12,
  zlibDeflateOptions: { level: 6, memLevel: 7 },
  concurrencyLimit: 10,
};
