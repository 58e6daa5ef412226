import { applyMapOperations, docToSnapshot } from "@opencjm/core";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import { withDocumentLock } from "../store/compactMapDocument.js";
import { erasedQuoteCardIds, type ErasedQuoteTarget } from "./erasedQuoteCards.js";

// Ids are looked for in the stored snapshot JSON in batches, so only versions that may hold a card are decoded.
const LIKE_BATCH = 100;

/** Versions of the workspace's maps whose snapshot may hold a card of the erasure (checked exactly when decoded). */
async function candidateVersions(
  db: Db,
  workspaceId: string,
  target: ErasedQuoteTarget,
): Promise<Array<{ id: string; mapId: string }>> {
  const found = new Map<string, string>();
  const base = () =>
    db.kysely
      .selectFrom("map_versions as v")
      .innerJoin("maps as m", "m.id", "v.map_id")
      .select(["v.id", "v.map_id"])
      .where("m.workspace_id", "=", workspaceId);
  const refs = [...target.refs];
  for (let i = 0; i < refs.length; i += LIKE_BATCH) {
    const batch = refs.slice(i, i + LIKE_BATCH);
    for (const row of await base()
      .where((eb) => eb.or(batch.map((ref) => eb("v.snapshot", "like", `%"${ref}"%`))))
      .execute())
      found.set(row.id, row.map_id);
  }
  // On maps a study informs, a quote may name the participant by code only: every version with a named quote is read.
  const informed = [...target.codesByMap].filter(([, codes]) => codes.size > 0).map(([mapId]) => mapId);
  if (informed.length > 0)
    for (const row of await base()
      .where("v.map_id", "in", informed)
      .where("v.snapshot", "like", '%"participant":"_%')
      .execute())
      found.set(row.id, row.map_id);
  return [...found].map(([id, mapId]) => ({ id, mapId }));
}

/** Rewrites one version without the erased cards; whether it held any. */
async function cleanVersion(db: Db, versionId: string, mapId: string, target: ErasedQuoteTarget): Promise<boolean> {
  const row = await db.kysely.selectFrom("map_versions").select("state").where("id", "=", versionId).executeTakeFirst();
  if (!row) return false;
  // A document with garbage collection on: encoding it after the removal drops the cards' content, not just hides it.
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, new Uint8Array(row.state));
    const cardIds = erasedQuoteCardIds(docToSnapshot(doc), mapId, target);
    if (cardIds.length === 0) return false;
    applyMapOperations(
      doc,
      cardIds.map((cardId) => ({ op: "removeCard" as const, cardId })),
    );
    await db.kysely
      .updateTable("map_versions")
      .set({ state: Buffer.from(Y.encodeStateAsUpdate(doc)), snapshot: JSON.stringify(docToSnapshot(doc)) })
      .where("id", "=", versionId)
      .execute();
    return true;
  } finally {
    doc.destroy();
  }
}

/**
 * Removes the quote cards derived from erased research from every stored version of the workspace's maps (automatic
 * checkpoints, named and restored versions): each version's state and snapshot are rewritten without them, the rest
 * of the version kept, so opening, comparing or restoring a version cannot bring them back. Counts per map.
 */
export async function removeQuotesFromVersions(
  db: Db,
  workspaceId: string,
  target: ErasedQuoteTarget,
): Promise<Map<string, number>> {
  const cleaned = new Map<string, number>();
  const byMap = new Map<string, string[]>();
  for (const v of await candidateVersions(db, workspaceId, target))
    byMap.set(v.mapId, [...(byMap.get(v.mapId) ?? []), v.id]);
  for (const [mapId, versionIds] of byMap) {
    // Under the versions' lock, so a checkpoint or restore of the map is not interleaved with the rewrite.
    const count = await withDocumentLock(`versions:${mapId}`, async () => {
      let n = 0;
      for (const id of versionIds) if (await cleanVersion(db, id, mapId, target)) n++;
      return n;
    });
    if (count > 0) cleaned.set(mapId, count);
  }
  return cleaned;
}
