import type { Hocuspocus } from "@hocuspocus/server";
import { removeAwarenessStates } from "y-protocols/awareness";
import type { ClusterBus } from "./ClusterBus.js";

/** How often each instance says it is alive, with whom. */
const HEARTBEAT_MS = 1000;
/** How long a burst of presence changes is gathered before it is announced. */
const ANNOUNCE_DELAY_MS = 20;
/** An instance not heard from for this long is taken for dead. */
const SILENT_AFTER_MS = 3500;

interface Peer {
  lastSeen: number;
  /** Awareness client ids of the peer's own connections, per map. */
  clients: Record<string, number[]>;
}

/**
 * Takes a crashed instance's users off everyone's presence within a few seconds. An instance that exits cleanly
 * removes its connections' presence itself (through Redis); one killed cannot, and the others would show its users
 * for Yjs awareness's 30-second timeout. So every instance announces, each second, the awareness client ids of its own
 * connections per map, and removes those of an instance that fell silent. It also announces at once when its own
 * connections' presence changes (`announceSoon`), so an instance killed within a second of someone joining it is still
 * known to have had them.
 */
export class PresenceJanitor {
  private readonly peers = new Map<string, Peer>();
  private readonly timer: NodeJS.Timeout;
  private pending: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly bus: ClusterBus,
  ) {
    this.unsubscribe = bus.subscribe((message, from) => {
      if (message.type === "heartbeat") this.peers.set(from, { lastSeen: Date.now(), clients: message.clients });
    });
    this.timer = setInterval(() => this.tick(), HEARTBEAT_MS);
    this.timer.unref();
    this.announceSoon();
  }

  /** Announces this instance's connections shortly (once for a burst of presence changes). */
  announceSoon(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.bus.publish({ type: "heartbeat", clients: this.ownClients() });
    }, ANNOUNCE_DELAY_MS);
    this.pending.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.pending);
    this.unsubscribe();
  }

  private tick(now = Date.now()): void {
    this.bus.publish({ type: "heartbeat", clients: this.ownClients() });
    for (const [peer, seen] of this.peers) {
      if (now - seen.lastSeen < SILENT_AFTER_MS) continue;
      this.peers.delete(peer);
      for (const [mapId, ids] of Object.entries(seen.clients)) {
        const document = this.hocuspocus.documents.get(mapId);
        if (!document) continue;
        const states = document.awareness.getStates();
        const gone = ids.filter((id) => states.has(id));
        // Hocuspocus sends the removal to this instance's connections (and the Redis extension to the others).
        if (gone.length > 0) removeAwarenessStates(document.awareness, gone, "cluster-presence-janitor");
      }
    }
  }

  private ownClients(): Record<string, number[]> {
    const clients: Record<string, number[]> = {};
    for (const [mapId, document] of this.hocuspocus.documents) {
      const ids = [...document.connections.values()].flatMap(({ clients: own }) => [...own] as number[]);
      if (ids.length > 0) clients[mapId] = ids;
    }
    return clients;
  }
}
