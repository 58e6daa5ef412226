import type { Duplex } from "node:stream";

/** Sockets corked in this turn of the event loop, uncorked together when it ends. */
const held = new Set<Duplex>();

function releaseAll(): void {
  const sockets = [...held];
  held.clear();
  for (const socket of sockets) {
    try {
      socket.uncork();
    } catch {
      // A socket that cannot write what it held is of no more use; the others still get theirs.
      socket.destroy();
    }
  }
}

/**
 * Holds what is written to `socket` until the current turn of the event loop has handled every socket that was ready
 * (issue 19). Each WebSocket message is otherwise its own write system call, and an edit is sent to every editor of
 * the map: with 100 editors, writing was most of the collaboration server's time. Held, every message a socket gets in
 * one turn — the edits of a group commit, an edit with its acknowledgement, presence — leaves in one write. Nothing is
 * delayed past the turn: the sockets are uncorked by setImmediate, right after the loop's poll for I/O. A socket that
 * is ended is uncorked by `end()` itself; one destroyed drops what it held, as it would have dropped it unsent anyway.
 */
export function holdWritesUntilTurnEnds(socket: Duplex | null | undefined): void {
  if (!socket || held.has(socket) || socket.destroyed || !socket.writable) return;
  socket.cork();
  if (held.size === 0) setImmediate(releaseAll);
  held.add(socket);
}
