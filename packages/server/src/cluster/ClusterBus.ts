import { randomUUID } from "node:crypto";
import type { MapSignal } from "../collab/MapSignals.js";

/** What one server instance tells every other instance of the same deployment. */
export type ClusterMessage =
  /** Someone's rights may have changed: live connections check theirs again. */
  | { type: "accessChanged" }
  /** A change beside a map's document (a comment thread) for that map's live connections. */
  | { type: "mapSignal"; signal: MapSignal }
  /** The map was deleted: everyone editing it is disconnected. */
  | { type: "mapClosed"; mapId: string }
  /** An edit stored through the API while the map was open only on other instances (base64 Yjs update). */
  | { type: "mapUpdate"; mapId: string; update: string }
  /** This instance is alive, with the awareness client ids of its own connections per map (PresenceJanitor). */
  | { type: "heartbeat"; clients: Record<string, number[]> };

/** A message as heard, with the instance that sent it. */
export type ClusterListener = (message: ClusterMessage, from: string) => void;

/** Whether an instance can serve: what its readiness endpoint reports. */
export interface Readiness {
  ready: boolean;
  /** Why not, naming the part at fault. */
  reason?: string;
}

/**
 * The message bus between the server instances of one deployment. One instance (SQLite, or PostgreSQL without
 * REDIS_URL) has nobody to tell: `LocalClusterBus`. Several share Redis: `RedisClusterBus`. Messages are never
 * delivered back to their sender; each instance already acted on its own changes.
 */
export interface ClusterBus {
  /** This instance's id, unique per process. */
  readonly instanceId: string;
  /** True when other instances may exist (live maps must then be shared through Redis). */
  readonly shared: boolean;
  publish(message: ClusterMessage): void;
  /** Runs `listener` for every message from another instance; returns the unsubscribe function. */
  subscribe(listener: ClusterListener): () => void;
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

/** The bus of a single instance: nobody else to tell. */
export class LocalClusterBus implements ClusterBus {
  readonly instanceId = `instance-${randomUUID()}`;
  readonly shared = false;
  publish(): void {}
  subscribe(): () => void {
    return () => undefined;
  }
  async readiness(): Promise<Readiness> {
    return { ready: true };
  }
  async close(): Promise<void> {}
}
