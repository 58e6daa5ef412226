import type { Extension, Hocuspocus } from "@hocuspocus/server";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import * as Y from "yjs";
import type { AppConfig } from "../config.js";
import type { ClusterBus } from "./ClusterBus.js";
import { connectRedis } from "./connectRedis.js";
import { PresenceJanitor } from "./PresenceJanitor.js";

/** The origin of updates that came from another instance through the cluster bus (never appended again). */
const CLUSTER_ORIGIN = "cluster";

/** How this instance's live maps take part in the deployment's. */
export interface SharedLiveMaps {
  /** Hocuspocus extensions: Redis, which carries live edits, awareness and stateless messages between instances. */
  extensions: Extension[];
  /** Starts listening, once Hocuspocus exists; `liveDoc` finds a map open (or opening) here. */
  attach(hocuspocus: Hocuspocus, liveDoc: (mapId: string) => Promise<Y.Doc | undefined>): void;
  /** An edit stored through the API while the map is not open here: instances that have it open apply it. */
  publishUpdate(mapId: string, update: Uint8Array): void;
  /** The map was deleted: every instance disconnects its editors. */
  publishClosed(mapId: string): void;
  stop(): void;
}

/**
 * Several instances share each open map through Redis (`@hocuspocus/extension-redis`): every edit is appended to
 * PostgreSQL by the instance that received it, before it is acknowledged (createCollaboration.ts), and then reaches
 * the other instances' copies of the map. What does not travel with the document goes over the cluster bus: API edits
 * of a map open elsewhere, deletions, and (PresenceJanitor) a crashed instance's presence. One instance alone shares
 * nothing.
 */
export function shareLiveMaps(config: Pick<AppConfig, "redisUrl" | "redisPrefix">, bus: ClusterBus): SharedLiveMaps {
  const url = config.redisUrl;
  if (!bus.shared || !url)
    return {
      extensions: [],
      attach: () => undefined,
      publishUpdate: () => undefined,
      publishClosed: () => undefined,
      stop: () => undefined,
    };
  const extension = new RedisExtension({
    createClient: () => connectRedis(url, "opencjm-collab"),
    prefix: `${config.redisPrefix}:map`,
    identifier: bus.instanceId,
  });
  let janitor: PresenceJanitor | undefined;
  let unsubscribe: (() => void) | undefined;
  // Someone's presence changed on this instance: the others learn at once whose presence to drop if it dies.
  const announcer: Extension = {
    async onAwarenessUpdate() {
      janitor?.announceSoon();
    },
  };
  return {
    extensions: [extension, announcer],
    attach(hocuspocus, liveDoc) {
      janitor = new PresenceJanitor(hocuspocus, bus);
      unsubscribe = bus.subscribe((message) => {
        if (message.type === "mapClosed") hocuspocus.closeConnections(message.mapId);
        else if (message.type === "mapUpdate")
          void liveDoc(message.mapId).then((doc) => {
            if (doc) Y.applyUpdate(doc, Buffer.from(message.update, "base64"), CLUSTER_ORIGIN);
          });
      });
    },
    publishUpdate(mapId, update) {
      bus.publish({ type: "mapUpdate", mapId, update: Buffer.from(update).toString("base64") });
    },
    publishClosed(mapId) {
      bus.publish({ type: "mapClosed", mapId });
    },
    stop() {
      janitor?.stop();
      unsubscribe?.();
    },
  };
}
