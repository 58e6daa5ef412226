import type { AccessChanges } from "../auth/accessChanges.js";
import type { MapSignals } from "../collab/MapSignals.js";
import type { ClusterBus } from "./ClusterBus.js";

/**
 * Passes this instance's rights changes and map signals to the other instances, and theirs to this one, so a member
 * removed through one instance loses their live connections on all, and a comment made on one refreshes everyone's
 * thread. Returns the function that stops it.
 */
export function bridgeToCluster(bus: ClusterBus, accessChanges: AccessChanges, mapSignals: MapSignals): () => void {
  if (!bus.shared) return () => undefined;
  const stops = [
    accessChanges.onLocalChange(() => bus.publish({ type: "accessChanged" })),
    mapSignals.onLocalSignal((signal) => bus.publish({ type: "mapSignal", signal })),
    bus.subscribe((message) => {
      if (message.type === "accessChanged") accessChanges.changedElsewhere();
      else if (message.type === "mapSignal") mapSignals.deliver(message.signal);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
