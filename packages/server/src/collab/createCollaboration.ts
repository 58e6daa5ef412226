import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Services } from "../services.js";

/** The collaboration endpoint mounted on the HTTP server at /collab. */
export interface Collaboration {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** Placeholder until the Hocuspocus endpoint lands. */
export function createCollaboration(_services: Services): Collaboration {
  return {
    handleUpgrade: (_request, socket) => socket.destroy(),
    close: async () => {},
  };
}
