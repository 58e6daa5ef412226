import * as decoding from "lib0/decoding";

// y-protocols message types (hocuspocus MessageType.Sync = 0; sync step 2 and update both carry document changes).
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update inside a raw Hocuspocus message, or undefined when the message carries no document change
 * (awareness, auth, sync step 1…). Message layout: varString documentName, varUint type, varUint syncType, varUint8Array update.
 */
export function decodeSyncUpdate(message: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return undefined;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return undefined;
  const update = decoding.readVarUint8Array(decoder);
  // An empty update (no structs, no deletions) is two zero bytes: nothing to store.
  return update.length <= 2 && update.every((b) => b === 0) ? undefined : update;
}
