import * as decoding from "lib0/decoding";
import { COLLAB_CLOSE } from "./socketGuard.js";

// Hocuspocus message types a server understands but its provider never sends: a "sync reply" is applied like a sync
// message (so a change inside it would skip the checks and the log of beforeHandleMessage, yet be acknowledged), and a
// "broadcast stateless" is relayed verbatim to everyone on the map (so anyone, a viewer too, could pose as the server's
// signals). The provider 3.4.4 sends sync, awareness, auth, query-awareness, stateless and close messages only.
const SYNC_REPLY = 4;
const BROADCAST_STATELESS = 6;

/**
 * Throws, with the close code and reason the sender is told, when a client's message is of a type only servers may
 * send; Hocuspocus then closes that connection without acting on the message.
 */
export function refuseServerOnlyMessages(message: Uint8Array): void {
  let type: number;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    type = decoding.readVarUint(decoder);
  } catch {
    // Undecodable messages are Hocuspocus' to refuse (it closes the connection on its own decoding error).
    return;
  }
  if (type === SYNC_REPLY || type === BROADCAST_STATELESS)
    throw Object.assign(new Error(`refused a message of type ${type}, which only servers send`), {
      code: COLLAB_CLOSE.malformed,
      reason: `message_refused: refused a message of type ${type}, which only servers send`,
    });
}
