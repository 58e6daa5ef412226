// A TCP relay in front of the server that counts the bytes the server sends, as they cross the wire (compressed where
// the server compressed): one count for collaboration sockets, one for everything else. The browser measures HTTP
// transfer sizes itself, but reports WebSocket messages only once decoded, which hides permessage-deflate.
import { connect, createServer, type Socket } from "node:net";

/** Bytes the server sent through the relay since the last reset. */
export interface WireMeter {
  /** The relay's address: pages opened through it are counted. */
  url: string;
  /** Bytes sent on connections that opened /collab (the upgrade answer and every frame after it). */
  socketBytes(): number;
  /** Bytes sent on every other connection (HTTP answers, headers included). */
  httpBytes(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Starts a relay on a free loopback port to the server listening on `port`. */
export async function startWireMeter(port: number): Promise<WireMeter> {
  let socketBytes = 0;
  let httpBytes = 0;
  const open = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(port, "127.0.0.1");
    open.add(client).add(upstream);
    // Browsers open each WebSocket on a connection of its own, so the first request line tells what it carries.
    let collab = false;
    client.once("data", (first: Buffer) => (collab = first.toString("latin1", 0, 12).startsWith("GET /collab")));
    upstream.on("data", (chunk: Buffer) => {
      if (collab) socketBytes += chunk.length;
      else httpBytes += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const side of [client, upstream]) {
      side.on("error", end);
      side.on("close", end);
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address();
  if (address === null || typeof address === "string") throw new Error("the wire meter has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    socketBytes: () => socketBytes,
    httpBytes: () => httpBytes,
    reset() {
      socketBytes = 0;
      httpBytes = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
