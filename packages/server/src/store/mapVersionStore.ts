import { newId, type MapVersionKind } from "@opencjm/core";
import type { Kysely } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";

type Executor = Kysely<Database>;

/** Someone who edited a map between two versions, and when (ids only; names are looked up when shown). */
export interface EditSpan {
  userId: string;
  firstEditAt: string;
  lastEditAt: string;
}

/** A stored version without its state and snapshot. */
export interface StoredVersion {
  id: string;
  mapId: string;
  kind: MapVersionKind;
  name: string | null;
  authors: EditSpan[];
  restoredFrom: string | null;
  createdBy: string | null;
  createdAt: string;
}

const listColumns = ["id", "map_id", "kind", "name", "authors", "restored_from", "created_by", "created_at"] as const;

function versionOf(row: {
  id: string;
  map_id: string;
  kind: string;
  name: string | null;
  authors: string;
  restored_from: string | null;
  created_by: string | null;
  created_at: string;
}): StoredVersion {
  return {
    id: row.id,
    mapId: row.map_id,
    kind: row.kind as MapVersionKind,
    name: row.name,
    authors: JSON.parse(row.authors) as EditSpan[],
    restoredFrom: row.restored_from,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** What a new version row holds. */
export interface NewVersion {
  mapId: string;
  kind: MapVersionKind;
  name?: string | null;
  state: Uint8Array;
  snapshotJson: string;
  restoredFrom?: string | null;
  createdBy?: string | null;
}

/** The newest version of a map: its snapshot JSON (to tell whether anything changed) and the log it covers. */
export async function latestMapVersion(
  kysely: Executor,
  mapId: string,
): Promise<{ id: string; snapshot: string; coveredUpdateId: number } | undefined> {
  const row = await kysely
    .selectFrom("map_versions")
    .select(["id", "snapshot", "covered_update_id"])
    .where("map_id", "=", mapId)
    .orderBy("created_at", "desc")
    .orderBy("covered_update_id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, snapshot: row.snapshot, coveredUpdateId: Number(row.covered_update_id) } : undefined;
}

function mergeSpans(spans: EditSpan[]): EditSpan[] {
  const byUser = new Map<string, EditSpan>();
  for (const span of spans) {
    const seen = byUser.get(span.userId);
    byUser.set(
      span.userId,
      seen
        ? {
            userId: span.userId,
            firstEditAt: seen.firstEditAt < span.firstEditAt ? seen.firstEditAt : span.firstEditAt,
            lastEditAt: seen.lastEditAt > span.lastEditAt ? seen.lastEditAt : span.lastEditAt,
          }
        : span,
    );
  }
  return [...byUser.values()].sort((a, b) => (a.firstEditAt < b.firstEditAt ? -1 : 1));
}

/**
 * Inserts a version recording who edited since the previous one: the authors compaction carried over plus those of
 * log rows above the previous version's coverage. Clears the carried authors. Run it inside a transaction.
 */
export async function insertMapVersion(
  trx: Executor,
  version: NewVersion,
  previousCoveredUpdateId: number,
): Promise<StoredVersion> {
  const carried = await trx
    .selectFrom("map_edit_authors")
    .select(["user_id", "first_edit_at", "last_edit_at"])
    .where("map_id", "=", version.mapId)
    .execute();
  const logged = await trx
    .selectFrom("map_updates")
    .select((eb) => [
      "author_id",
      eb.fn.min("created_at").as("first"),
      eb.fn.max("created_at").as("last"),
      eb.fn.max("id").as("top"),
    ])
    .where("map_id", "=", version.mapId)
    .where("id", ">", previousCoveredUpdateId)
    .groupBy("author_id")
    .execute();
  const authors = mergeSpans([
    ...carried.map((r) => ({ userId: r.user_id, firstEditAt: r.first_edit_at, lastEditAt: r.last_edit_at })),
    ...logged.flatMap((r) =>
      r.author_id ? [{ userId: r.author_id, firstEditAt: String(r.first), lastEditAt: String(r.last) }] : [],
    ),
  ]);
  const covered = Math.max(previousCoveredUpdateId, ...logged.map((r) => Number(r.top ?? 0)));
  const row = {
    id: newId("ver_"),
    map_id: version.mapId,
    kind: version.kind,
    name: version.name ?? null,
    state: Buffer.from(version.state),
    snapshot: version.snapshotJson,
    authors: JSON.stringify(authors),
    edited_from: authors[0]?.firstEditAt ?? null,
    edited_until: authors.reduce<string | null>((m, a) => (m && m > a.lastEditAt ? m : a.lastEditAt), null),
    covered_update_id: covered,
    restored_from: version.restoredFrom ?? null,
    created_by: version.createdBy ?? null,
    created_at: new Date().toISOString(),
  };
  await trx.insertInto("map_versions").values(row).execute();
  await trx.deleteFrom("map_edit_authors").where("map_id", "=", version.mapId).execute();
  return versionOf(row);
}

/**
 * Called by compaction inside its transaction before it deletes log rows: the authors of folded rows that no version
 * covers yet are kept in `map_edit_authors`, so the next version can still name them.
 */
export async function carryFoldedAuthors(
  trx: Executor,
  mapId: string,
  rows: Array<{ id: number; author_id: string | null; created_at: string }>,
): Promise<void> {
  const latest = await latestMapVersion(trx, mapId);
  const covered = latest?.coveredUpdateId ?? 0;
  const spans = mergeSpans(
    rows.flatMap((r) =>
      r.author_id && r.id > covered
        ? [{ userId: r.author_id, firstEditAt: r.created_at, lastEditAt: r.created_at }]
        : [],
    ),
  );
  for (const span of spans) {
    const seen = await trx
      .selectFrom("map_edit_authors")
      .select(["first_edit_at", "last_edit_at"])
      .where("map_id", "=", mapId)
      .where("user_id", "=", span.userId)
      .executeTakeFirst();
    const [merged] = mergeSpans([
      span,
      ...(seen ? [{ userId: span.userId, firstEditAt: seen.first_edit_at, lastEditAt: seen.last_edit_at }] : []),
    ]);
    await trx
      .insertInto("map_edit_authors")
      .values({
        map_id: mapId,
        user_id: span.userId,
        first_edit_at: merged!.firstEditAt,
        last_edit_at: merged!.lastEditAt,
      })
      .onConflict((oc) =>
        oc
          .columns(["map_id", "user_id"])
          .doUpdateSet({ first_edit_at: merged!.firstEditAt, last_edit_at: merged!.lastEditAt }),
      )
      .execute();
  }
}

/** A map's versions, newest first, at most `limit` (plus whether there are more). */
export async function listMapVersions(
  db: Db,
  mapId: string,
  limit: number,
): Promise<{ versions: StoredVersion[]; hasMore: boolean }> {
  const rows = await db.kysely
    .selectFrom("map_versions")
    .select(listColumns)
    .where("map_id", "=", mapId)
    .orderBy("created_at", "desc")
    .orderBy("covered_update_id", "desc")
    .limit(limit + 1)
    .execute();
  return { versions: rows.slice(0, limit).map(versionOf), hasMore: rows.length > limit };
}

/** One version of a map (undefined when it is not a version of that map), with its snapshot and, if asked, its state. */
export async function findMapVersion(
  db: Pick<Db, "kysely">,
  mapId: string,
  versionId: string,
): Promise<(StoredVersion & { snapshotJson: string; state: Uint8Array }) | undefined> {
  const row = await db.kysely
    .selectFrom("map_versions")
    .select([...listColumns, "snapshot", "state"])
    .where("map_id", "=", mapId)
    .where("id", "=", versionId)
    .executeTakeFirst();
  return row ? { ...versionOf(row), snapshotJson: row.snapshot, state: new Uint8Array(row.state) } : undefined;
}

/** Versions of a map by id, without state (to show what a restore brought back). */
export async function findMapVersionsByIds(db: Db, mapId: string, ids: string[]): Promise<StoredVersion[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .selectFrom("map_versions")
    .select(listColumns)
    .where("map_id", "=", mapId)
    .where("id", "in", ids)
    .execute();
  return rows.map(versionOf);
}

/** Display names of users by id. */
export async function userNamesById(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
