import * as Y from "yjs";

/**
 * Why a stored map update cannot be applied, or undefined when it can. Decoding reads every struct and deletion, so
 * a truncated or garbled row is found here, before it is applied to (and half-applied in) a document.
 */
export function unreadableUpdateReason(update: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(update);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : "unreadable";
  }
}
