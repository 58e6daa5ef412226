import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { GuardedWebSocket } from "./socketGuard.js";

/** A server socket accepted as the collaboration server accepts them, its client, and a count of its TCP writes. */
async function socketPair() {
  const wss = new WebSocketServer({
    port: 0,
    host: "127.0.0.1",
    WebSocket: GuardedWebSocket as unknown as typeof WebSocket,
  });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => wss.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  const received: string[] = [];
  const arrivals: Array<() => void> = [];
  client.on("message", (data: Buffer) => {
    received.push(data.toString());
    for (const arrived of arrivals.splice(0)) arrived();
  });
  await new Promise<void>((resolve, reject) => (client.once("open", resolve), client.once("error", reject)));
  const server = await accepted;
  const tcp = (server as unknown as { _socket: Socket & Record<"_write" | "_writev", (...a: unknown[]) => unknown> })
    ._socket;
  const writes = { count: 0 };
  for (const method of ["_write", "_writev"] as const) {
    const original = tcp[method].bind(tcp);
    tcp[method] = (...args: unknown[]) => (writes.count++, original(...args));
  }
  /** Settles once `check` holds, looked at again as each message arrives (the test's timeout bounds the wait). */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((arrived) => arrivals.push(arrived));
  };
  return { wss, client, server, received, writes, until };
}

const opened: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of opened.splice(0)) {
    for (const socket of wss.clients) socket.terminate();
    await new Promise((r) => wss.close(r));
  }
});

describe("a collaboration socket's writes", () => {
  it("leave in one write for every message sent in one turn of the event loop, in order", async () => {
    const { wss, client, server, received, writes, until } = await socketPair();
    opened.push(wss);
    for (const text of ["one", "two", "three"]) server.send(Buffer.from(text));
    expect(writes.count).toBe(0);
    await until(() => received.length === 3);
    expect(received).toEqual(["one", "two", "three"]);
    expect(writes.count).toBe(1);
    // A later turn's message is not held back by the earlier one.
    server.send(Buffer.from("four"));
    await until(() => received.length === 4);
    expect(received.at(-1)).toBe("four");
    expect(writes.count).toBe(2);
    client.close();
  });

  it("still reach the client when the socket is closed in the same turn", async () => {
    const { wss, client, server, received, until } = await socketPair();
    opened.push(wss);
    const closed = new Promise<number>((resolve) => client.once("close", resolve));
    server.send(Buffer.from("last words"));
    server.close(4000, "done");
    expect(await closed).toBe(4000);
    await until(() => received.length === 1);
    expect(received).toEqual(["last words"]);
  });
});
