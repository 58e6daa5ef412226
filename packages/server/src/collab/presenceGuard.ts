import type { Connection } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { Awareness } from "y-protocols/awareness";
import { COLLAB_CLOSE } from "./socketGuard.js";

const MESSAGE_AWARENESS = 1;

/** The presence (awareness client) each connection speaks for: the first it announced. */
const presenceOf = new WeakMap<Connection, number>();

const refuse = (what: string) =>
  Object.assign(new Error(`refused ${what}`), {
    code: COLLAB_CLOSE.malformed,
    reason: `presence_refused: refused ${what}`,
  });

const userOf = (connection: Connection) => (connection.context as { userId?: string } | undefined)?.userId;

/** One entry of an awareness update: a client, its clock and its state (null: the client left). */
interface PresenceEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

function readEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: PresenceEntry[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

/**
 * Checks an awareness message before Hocuspocus applies it (presence: who is on the map and where). Awareness lets any
 * client set any client's state, so without this a member, a viewer too, could move or replace a colleague's presence
 * or announce themselves under another user's id. Allowed: entries that change nothing (providers echo the states
 * they receive), a state the sender saw expire being dropped (its owner announces it again), and the sender's own
 * presence — the first client it announces, unless another user's connection speaks for it — as long as a `user.id`
 * in it is the caller's. Throws the close code and reason otherwise. Display names are the client's word, as in every
 * awareness-based editor; ids are not.
 */
export function checkPresence(
  message: Uint8Array,
  connection: Connection,
  peers: readonly Connection[],
  awareness: Awareness,
  userId: string,
): void {
  let entries: PresenceEntry[];
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
    entries = readEntries(decoding.readVarUint8Array(decoder));
  } catch {
    throw refuse("a presence update that cannot be read");
  }
  for (const { clientId, clock, state } of entries) {
    // At or below the clock the server knows, an entry either changes nothing or drops a state the sender saw expire.
    if (clock <= (awareness.meta.get(clientId)?.clock ?? 0)) continue;
    const mine = presenceOf.get(connection);
    if (mine === undefined) {
      // A client another connection speaks for may move here only with the same user: a reconnect, perhaps before
      // the server noticed the old socket was gone.
      const owner = peers.find((peer) => peer !== connection && presenceOf.get(peer) === clientId);
      if (owner && userOf(owner) !== userId) throw refuse("a presence update for another editor");
      presenceOf.set(connection, clientId);
    } else if (mine !== clientId) throw refuse("a presence update for another editor");
    const user = state !== null && typeof state === "object" ? (state as { user?: unknown }).user : undefined;
    const claimed = user !== null && typeof user === "object" ? (user as { id?: unknown }).id : undefined;
    if (claimed !== undefined && claimed !== userId) throw refuse("a presence update naming another user");
  }
}
