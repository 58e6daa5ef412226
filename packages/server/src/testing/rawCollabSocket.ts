import { connect } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";

/** Hocuspocus message types (y-protocols sync inside type 0). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, stateless: 5, close: 7, syncStatus: 8 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** Encodes a Hocuspocus message: the map's name, a message type, then the given fields. */
export function collabMessage(
  documentName: string,
  type: number,
  write: (e: encoding.Encoder) => void = () => undefined,
): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** The authentication message a provider sends first. */
export const authMessage = (documentName: string, token: string) =>
  collabMessage(documentName, MESSAGE.auth, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

/** A sync message carrying a Yjs update (or any bytes posing as one). */
export const updateMessage = (documentName: string, update: Uint8Array) =>
  collabMessage(documentName, MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });

/** What a raw socket received: decoded message kinds, and how it was closed. */
export interface RawCollabSocket {
  ws: WebSocket;
  /** Resolves with the close code and reason once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Every message received, as [type, detail] (auth answers: "authenticated" / "denied", close: its reason). */
  received: Array<{ type: number; detail: string }>;
  send(message: Uint8Array | string): void;
  /** Waits until a received message satisfies `test`. */
  waitFor(
    test: (m: { type: number; detail: string }) => boolean,
    timeoutMs?: number,
  ): Promise<{ type: number; detail: string }>;
}

/** Opens a WebSocket to /collab that speaks the protocol by hand, for sending what a real provider never would. */
export async function openRawCollabSocket(
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<RawCollabSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab`, { headers });
  ws.on("error", () => undefined);
  const received: Array<{ type: number; detail: string }> = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data: Buffer) => {
    received.push(describe(new Uint8Array(data)));
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
  return {
    ws,
    closed,
    received,
    send: (message) => ws.send(message),
    waitFor: (test, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(test);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such message; received ${JSON.stringify(received)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

function describe(data: Uint8Array): { type: number; detail: string } {
  try {
    const d = decoding.createDecoder(data);
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.auth)
      return { type, detail: decoding.readVarUint(d) === 2 ? "authenticated" : `denied: ${decoding.readVarString(d)}` };
    if (type === MESSAGE.close) return { type, detail: decoding.readVarString(d) };
    if (type === MESSAGE.syncStatus)
      return { type, detail: decoding.readVarUint(d) === 1 ? "acknowledged" : "refused" };
    return { type, detail: "" };
  } catch {
    return { type: -1, detail: "undecodable" };
  }
}

/**
 * Completes a WebSocket handshake on a plain TCP socket and then writes `frame` as is — for frames no WebSocket
 * library would send (reserved opcodes, unmasked, absurd lengths). Resolves when the server has closed the socket.
 */
export function sendRawFrame(baseUrl: string, frame: Buffer): Promise<void> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let upgraded = false;
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    socket.setTimeout(15_000, () => {
      socket.destroy();
      reject(new Error("the server kept the socket open after an invalid frame"));
    });
    socket.on("data", (chunk) => {
      if (upgraded) return;
      if (!chunk.toString("latin1").startsWith("HTTP/1.1 101"))
        return reject(new Error(`handshake refused: ${chunk.toString("latin1").split("\r\n")[0]}`));
      upgraded = true;
      socket.write(frame);
    });
    socket.write(
      `GET /collab HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

/** A client frame: FIN set, the given opcode, masked with a zero mask unless `masked` is false. */
export function clientFrame(
  opcode: number,
  payload: Buffer,
  options: { masked?: boolean; declaredLength?: bigint } = {},
): Buffer {
  const masked = options.masked ?? true;
  const head: number[] = [0x80 | opcode];
  const length = options.declaredLength ?? BigInt(payload.length);
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(length);
  }
  return Buffer.concat([Buffer.from(head), extended, masked ? Buffer.alloc(4) : Buffer.alloc(0), payload]);
}
