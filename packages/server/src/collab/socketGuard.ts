import * as decoding from "lib0/decoding";
import type { Duplex } from "node:stream";
import WebSocket from "ws";
import { holdWritesUntilTurnEnds } from "./heldWrites.js";

/** Bounds on what one collaboration socket may send; past any of them the socket is closed with a reason. */
export const COLLAB_SOCKET_LIMITS = {
  /** Time from the socket opening to its first authenticated map. */
  authTimeoutMs: 10_000,
  /** Messages and bytes a socket may send for maps it has not been authenticated for (Hocuspocus queues them). */
  preAuthMessages: 100,
  preAuthBytes: 1024 * 1024,
  /** Bytes queued before authentication across all sockets: many sockets under their own bound still add up. */
  preAuthBytesAllSockets: 64 * 1024 * 1024,
  /** Maps one socket may open (the editor opens one; the provider can multiplex a few). */
  documentsPerSocket: 8,
  /** Token buckets: sustained rate per second and burst, for messages and for bytes. */
  messagesPerSecond: 200,
  messageBurst: 2_000,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 16 * 1024 * 1024,
} as const;

/** Close codes in the application range (4000–4999) the web app and tests can tell apart. */
export const COLLAB_CLOSE = {
  malformed: 4400,
  authTimeout: 4401,
  accessRevoked: 4403,
  tooManyDocuments: 4409,
  tooMuch: 4429,
} as const;

let preAuthBytesAllSockets = 0;

/**
 * Watches one collaboration socket before Hocuspocus sees its messages: drops everything once the socket is closing,
 * bounds what may arrive before authentication and how fast messages may come, and closes the socket with a close
 * code and a reason naming the problem. Hocuspocus re-emits the messages it queued before authentication; those were
 * already counted and pass straight through.
 */
export class SocketGuard {
  private readonly documents = new Set<string>();
  private readonly authenticated = new Set<string>();
  private readonly replays = new WeakSet<object>();
  private preAuthMessages = 0;
  private preAuthBytes = 0;
  private messageTokens: number = COLLAB_SOCKET_LIMITS.messageBurst;
  private byteTokens: number = COLLAB_SOCKET_LIMITS.byteBurst;
  private refilledAt = Date.now();
  private closed = false;
  private readonly authTimer: NodeJS.Timeout;

  constructor(private readonly socket: WebSocket) {
    this.authTimer = setTimeout(() => {
      if (this.authenticated.size === 0) this.close(COLLAB_CLOSE.authTimeout, "not authenticated in time");
    }, COLLAB_SOCKET_LIMITS.authTimeoutMs);
    this.authTimer.unref();
    socket.once("close", () => this.release());
  }

  /** Hocuspocus accepted the socket's credentials for a map. */
  markAuthenticated(documentName: string): void {
    this.authenticated.add(documentName);
    // What was queued for this map is now handed to Hocuspocus: it no longer counts as held before authentication.
    this.releasePreAuthBytes();
  }

  /** True when a message may go on to Hocuspocus; otherwise the socket has been closed. */
  admit(data: unknown, isBinary: unknown): boolean {
    if (this.closed) return false;
    if (typeof data === "object" && data !== null && this.replays.has(data)) return true;
    if (!(data instanceof Uint8Array)) return this.refuse(COLLAB_CLOSE.malformed, "binary messages only");
    if (isBinary === false) return this.refuse(COLLAB_CLOSE.malformed, "binary messages only");
    if (!this.takeTokens(data.byteLength)) return this.refuse(COLLAB_CLOSE.tooMuch, "too many messages; slow down");
    let documentName: string;
    try {
      documentName = decoding.readVarString(decoding.createDecoder(data));
    } catch {
      return this.refuse(COLLAB_CLOSE.malformed, "malformed message: no map name");
    }
    if (!this.documents.has(documentName)) {
      if (this.documents.size >= COLLAB_SOCKET_LIMITS.documentsPerSocket) {
        return this.refuse(
          COLLAB_CLOSE.tooManyDocuments,
          `at most ${COLLAB_SOCKET_LIMITS.documentsPerSocket} maps per connection`,
        );
      }
      this.documents.add(documentName);
    }
    if (!this.authenticated.has(documentName)) {
      this.preAuthMessages += 1;
      this.preAuthBytes += data.byteLength;
      preAuthBytesAllSockets += data.byteLength;
      if (
        this.preAuthMessages > COLLAB_SOCKET_LIMITS.preAuthMessages ||
        this.preAuthBytes > COLLAB_SOCKET_LIMITS.preAuthBytes
      ) {
        return this.refuse(COLLAB_CLOSE.tooMuch, "too much sent before authentication");
      }
      if (preAuthBytesAllSockets > COLLAB_SOCKET_LIMITS.preAuthBytesAllSockets) {
        return this.refuse(COLLAB_CLOSE.tooMuch, "server busy: too many connections waiting to authenticate");
      }
    }
    this.replays.add(data);
    return true;
  }

  /** Closes the socket with a reason the client sees; a peer that does not answer the close is cut off. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.release();
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
    }
    setTimeout(() => this.socket.terminate(), 2_000).unref();
  }

  private refuse(code: number, reason: string): false {
    this.close(code, reason);
    return false;
  }

  private takeTokens(bytes: number): boolean {
    const now = Date.now();
    const seconds = (now - this.refilledAt) / 1000;
    this.refilledAt = now;
    const L = COLLAB_SOCKET_LIMITS;
    this.messageTokens = Math.min(L.messageBurst, this.messageTokens + seconds * L.messagesPerSecond) - 1;
    this.byteTokens = Math.min(L.byteBurst, this.byteTokens + seconds * L.bytesPerSecond) - bytes;
    return this.messageTokens >= 0 && this.byteTokens >= 0;
  }

  private releasePreAuthBytes(): void {
    preAuthBytesAllSockets -= this.preAuthBytes;
    this.preAuthBytes = 0;
    this.preAuthMessages = 0;
  }

  private release(): void {
    clearTimeout(this.authTimer);
    this.releasePreAuthBytes();
  }
}

type SendData = Parameters<WebSocket["send"]>[0];
type SendOptions = Parameters<WebSocket["send"]>[1];
type SendCallback = (err?: Error) => void;

const guards = new WeakMap<WebSocket, SocketGuard>();

/** The guard of a socket, set when the socket was accepted. */
export function guardOf(socket: WebSocket): SocketGuard | undefined {
  return guards.get(socket);
}

/**
 * The WebSocket class the collaboration server accepts sockets as: every `message` event goes through the socket's
 * guard first, what it is sent in one turn of the event loop leaves in one write (heldWrites.ts), and socket errors
 * (invalid frames, oversized messages) are handled instead of ending the process.
 */
export class GuardedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    // `ws` closes the socket itself after an invalid frame; without a listener its 'error' event would end the process.
    this.on("error", () => undefined);
  }

  /** Attaches a guard to a socket the server has just accepted. */
  static guard(socket: WebSocket): SocketGuard {
    const guard = new SocketGuard(socket);
    guards.set(socket, guard);
    return guard;
  }

  /** Sends as `ws` does, the socket's writes of this turn of the event loop leaving together (heldWrites.ts). */
  override send(data: SendData, cb?: SendCallback): void;
  override send(data: SendData, options: SendOptions, cb?: SendCallback): void;
  override send(data: SendData, ...rest: unknown[]): void {
    if (this.readyState === WebSocket.OPEN) holdWritesUntilTurnEnds((this as unknown as { _socket?: Duplex })._socket);
    (super.send as (...all: unknown[]) => void).call(this, data, ...rest);
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "message") {
      const guard = guards.get(this);
      if (guard && !guard.admit(args[0], args[1])) return false;
    }
    return super.emit(event, ...args);
  }
}
