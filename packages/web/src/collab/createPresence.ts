import { presenceColor } from "./presenceColor.js";

/** The part of a y-protocols Awareness that presence uses (the provider's `awareness`). */
export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  setLocalStateField(field: string, value: unknown): void;
  on(event: "change", listener: () => void): void;
  off(event: "change", listener: () => void): void;
}

/** Someone else on the map, and where they are. */
export interface PresenceUser {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  /** Focus key of the cell or header they are in (`cell:laneId:stepId`, `step:id`…), or null. */
  focus: string | null;
}

/** Who is on the map and where, for avatars and cell outlines; subscriptions per focus key. */
export interface Presence {
  /** Everyone else, one entry per open editor (a user with two tabs appears twice). */
  getOthers(): readonly PresenceUser[];
  /** The others whose focus is on this key. */
  getAt(focusKey: string): readonly PresenceUser[];
  /** Tells the others where this user is. */
  setFocus(focusKey: string | null): void;
  subscribe(topic: "others" | string, listener: () => void): () => void;
  destroy(): void;
}

const NOBODY: readonly PresenceUser[] = Object.freeze([]);

function readUser(clientId: number, state: Record<string, unknown>): PresenceUser | null {
  const user = state.user as { id?: unknown; name?: unknown } | undefined;
  if (!user || typeof user.id !== "string" || typeof user.name !== "string") return null;
  // Awareness states come from other clients as they sent them: keep only well-formed, bounded values.
  const focus = typeof state.focus === "string" && state.focus.length <= 200 ? state.focus : null;
  return {
    clientId,
    userId: user.id.slice(0, 64),
    name: user.name.slice(0, 120),
    color: presenceColor(user.id),
    focus,
  };
}

/** Publishes this user's name, colour and focus through awareness and indexes everyone else's by focus key. */
export function createPresence(awareness: AwarenessLike, me: { id: string; name: string }): Presence {
  const listeners = new Map<string, Set<() => void>>();
  let others: readonly PresenceUser[] = NOBODY;
  let byFocus = new Map<string, readonly PresenceUser[]>();
  const emit = (topic: string) => listeners.get(topic)?.forEach((l) => l());

  const refresh = () => {
    const next: PresenceUser[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user = readUser(clientId, state);
      if (user) next.push(user);
    }
    const nextByFocus = new Map<string, PresenceUser[]>();
    for (const u of next) if (u.focus) nextByFocus.set(u.focus, [...(nextByFocus.get(u.focus) ?? []), u]);
    const changed = new Set<string>();
    for (const [key, users] of nextByFocus)
      if (JSON.stringify(users) !== JSON.stringify(byFocus.get(key))) changed.add(key);
    for (const key of byFocus.keys()) if (!nextByFocus.has(key)) changed.add(key);
    const othersChanged = JSON.stringify(next) !== JSON.stringify(others);
    byFocus = nextByFocus;
    if (othersChanged) others = next;
    for (const key of changed) emit(key);
    if (othersChanged) emit("others");
  };

  awareness.setLocalStateField("user", { id: me.id, name: me.name, color: presenceColor(me.id) });
  awareness.on("change", refresh);
  refresh();

  return {
    getOthers: () => others,
    getAt: (key) => byFocus.get(key) ?? NOBODY,
    setFocus: (key) => awareness.setLocalStateField("focus", key),
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    destroy() {
      awareness.off("change", refresh);
      listeners.clear();
    },
  };
}
