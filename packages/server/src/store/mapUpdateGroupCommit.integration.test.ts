import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { applyMapOperations, buildMapFromTemplate, docToSnapshot } from "@opencjm/core";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadConfig } from "../config.js";
import type { Db } from "../db/createDb.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { createMapDocumentService } from "./createMapDocumentService.js";
import * as Source from "./mapUpdateGroupCommit.js";
import { loadMapDoc } from "./mapUpdateLog.js";

/** Makes the database itself refuse every map update written by `authorId` (a real failing write, no mock). */
async function refuseWritesBy(db: Db, authorId: string): Promise<void> {
  if (db.dialect === "sqlite") {
    await sql
      .raw(
        `CREATE TRIGGER refuse_writes BEFORE INSERT ON map_updates WHEN NEW.author_id = '${authorId}'
         BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`,
      )
      .execute(db.kysely);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION refuse_writes() RETURNS trigger AS $$ BEGIN
         IF NEW.author_id = '${authorId}' THEN RAISE EXCEPTION 'the disk refused the write'; END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db.kysely);
  await sql
    .raw(`CREATE TRIGGER refuse_writes BEFORE INSERT ON map_updates FOR EACH ROW EXECUTE FUNCTION refuse_writes()`)
    .execute(db.kysely);
}

// On SQLite the compiled build writes from a worker thread (sqliteLogWriter.ts): the same behaviour is asked of it,
// through the built module (worker threads run compiled JavaScript; `npm run build` first).
const compiled = new URL("../../dist/store/mapUpdateGroupCommit.js", import.meta.url);
const cases = [
  ...testDialects.map((dialect) => ({ dialect, writer: "on the event loop" })),
  { dialect: "sqlite" as const, writer: "from a writer thread" },
];

describe.each(cases)("group commit of map updates on $dialect, $writer", ({ dialect, writer }) => {
  let t: TestDatabase | undefined;
  const logs: Source.MapUpdateGroupCommit[] = [];
  afterEach(async () => {
    for (const log of logs.splice(0)) await log.close();
    await t?.dispose();
    t = undefined;
  });

  async function createMapUpdateGroupCommit(db: Db): Promise<Source.MapUpdateGroupCommit> {
    const threaded = writer === "from a writer thread";
    if (threaded) expect(existsSync(fileURLToPath(compiled)), "run `npm run build` first").toBe(true);
    const module = threaded ? ((await import(compiled.href)) as typeof Source) : Source;
    const log = module.createMapUpdateGroupCommit(threaded ? db : { ...db, sqliteFile: undefined });
    logs.push(log);
    expect(log.onThread).toBe(threaded);
    return log;
  }

  async function newMap(): Promise<{ db: Db; ws: TestWorkspace; mapId: string; doc: Y.Doc; laneId: string }> {
    t = await createTestDatabase(dialect);
    const ws = await buildWorkspace(t.db);
    const snapshot = buildMapFromTemplate("ecommerce", { locale: "en" });
    const maps = createMapDocumentService({ db: t.db, config: loadConfig({}, { dataDir: t.config.dataDir }) });
    const { id: mapId } = await maps.create({ workspaceId: ws.id, createdBy: ws.users.owner.id, snapshot });
    const { doc } = await loadMapDoc(t.db, mapId);
    return { db: t.db, ws, mapId, doc, laneId: snapshot.lanes.find((l) => l.type === "actions")!.id };
  }

  /** Updates each adding a card (one per text, steps in turn), made one after another on a copy of the map. */
  function cardUpdates(doc: Y.Doc, laneId: string, texts: string[]): Uint8Array[] {
    const steps = docToSnapshot(doc).steps;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const updates = texts.map((text, i) => {
      const stepId = steps[i % steps.length]!.id;
      const before = Y.encodeStateVector(copy);
      applyMapOperations(copy, [{ op: "addCard", laneId, stepId, card: { kind: "action", text } }]);
      return Y.encodeStateAsUpdate(copy, before);
    });
    copy.destroy();
    return updates;
  }

  const storedTexts = async (db: Db, mapId: string) => {
    const { doc } = await loadMapDoc(db, mapId);
    return new Set(docToSnapshot(doc).cells.flatMap((c) => c.cards.map((k) => ("text" in k ? k.text : ""))));
  };

  it("stores every one of 1,200 updates sent by many editors at the same moment", async () => {
    const { db, ws, mapId, doc, laneId } = await newMap();
    const log = await createMapUpdateGroupCommit(db);
    const texts = Array.from({ length: 1200 }, (_, i) => `edit ${i}`);
    // All appended in one turn of the event loop: one group, more rows than one INSERT carries.
    const updates = cardUpdates(doc, laneId, texts);
    await Promise.all(updates.map((update) => log.append(mapId, update, ws.users.editor.id)));
    const stored = await storedTexts(db, mapId);
    expect(texts.filter((text) => !stored.has(text))).toEqual([]);
    const rows = await db.kysely.selectFrom("map_updates").select("author_id").where("map_id", "=", mapId).execute();
    expect(rows).toHaveLength(1200);
    expect(new Set(rows.map((r) => r.author_id))).toEqual(new Set([ws.users.editor.id]));
  });

  it("refuses only the update the database would not store, and stores its neighbours in the same group", async () => {
    const { db, ws, mapId, doc, laneId } = await newMap();
    await refuseWritesBy(db, ws.users.viewer.id);
    const log = await createMapUpdateGroupCommit(db);
    // From three editors (three Yjs clients): none builds on another's content.
    const [before, refused, after] = ["before", "refused", "after"].map((text) => cardUpdates(doc, laneId, [text])[0]);
    const outcomes = await Promise.allSettled([
      log.append(mapId, before!, ws.users.editor.id),
      log.append(mapId, refused!, ws.users.viewer.id),
      log.append(mapId, after!, ws.users.owner.id),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/the disk refused the write/);
    const stored = await storedTexts(db, mapId);
    expect([...stored].filter((text) => ["before", "refused", "after"].includes(text)).sort()).toEqual([
      "after",
      "before",
    ]);
  });

  it("settles an update only after its row is committed", async () => {
    const { db, ws, mapId, doc, laneId } = await newMap();
    const log = await createMapUpdateGroupCommit(db);
    const seen: number[] = [];
    const texts = ["one", "two", "three"];
    const updates = cardUpdates(doc, laneId, texts);
    await Promise.all(
      texts.map((text, i) =>
        log.append(mapId, updates[i]!, ws.users.editor.id).then(async () => {
          // Read on another query: what the acknowledgement promises must already be there.
          seen.push((await storedTexts(db, mapId)).has(text) ? 1 : 0);
        }),
      ),
    );
    expect(seen).toEqual([1, 1, 1]);
  });

  it("lets the server's own transactions read and then write while editors' updates are committed", async () => {
    const { db, ws, mapId, doc, laneId } = await newMap();
    const log = await createMapUpdateGroupCommit(db);
    const updates = cardUpdates(doc, laneId, ["during a transaction"]);
    let appended: Promise<void> | undefined;
    await db.kysely.transaction().execute(async (trx) => {
      await trx.selectFrom("maps").select("title").where("id", "=", mapId).executeTakeFirstOrThrow();
      // An editor's update arrives between the transaction's read and its write.
      appended = log.append(mapId, updates[0]!, ws.users.editor.id);
      if (dialect === "sqlite") {
        // Any other connection's commit here (the log's writer thread is one) would make the write below fail with
        // SQLITE_BUSY_SNAPSHOT: it must wait for this transaction instead.
        const other = new SQLite(t!.config.sqlitePath, { timeout: 0 });
        expect(() => other.prepare("UPDATE maps SET title = title WHERE id = ?").run(mapId)).toThrow(
          /database is locked/,
        );
        other.close();
      }
      await trx.updateTable("maps").set({ title: "Renamed meanwhile" }).where("id", "=", mapId).execute();
    });
    await appended;
    const map = await db.kysely.selectFrom("maps").select("title").where("id", "=", mapId).executeTakeFirstOrThrow();
    expect(map.title).toBe("Renamed meanwhile");
    expect((await storedTexts(db, mapId)).has("during a transaction")).toBe(true);
  });

  if (writer === "from a writer thread")
    it("commits an update that arrives alone at once, before the event loop turns, without the writer thread", async () => {
      const { db, ws, mapId, doc, laneId } = await newMap();
      const log = await createMapUpdateGroupCommit(db);
      const other = new SQLite(t!.config.sqlitePath, { readonly: true });
      const count = other.prepare<[string], { n: number }>("SELECT count(*) AS n FROM map_updates WHERE map_id = ?");
      const before = count.get(mapId)!.n;
      const appended = log.append(mapId, cardUpdates(doc, laneId, ["at once"])[0]!, ws.users.editor.id);
      // Read on another connection in the same turn: neither a group formed at the end of the turn nor a thread has
      // had a chance to write it, so the row is there only if it was committed on the spot.
      expect(count.get(mapId)!.n).toBe(before + 1);
      other.close();
      await appended;
      expect((await storedTexts(db, mapId)).has("at once")).toBe(true);
    });

  // Only a writer thread can wait for the disk while the event loop goes on.
  if (writer === "from a writer thread")
    it("keeps the server answering while a commit waits for the disk, and settles the update only once it is written", async () => {
      const { db, ws, mapId, doc, laneId } = await newMap();
      const log = await createMapUpdateGroupCommit(db);
      // Another connection holds the database's write lock, as a slow disk or a long write elsewhere would.
      const other = new SQLite(t!.config.sqlitePath);
      other.exec("BEGIN IMMEDIATE");
      let settled = false;
      const appended = log.append(mapId, cardUpdates(doc, laneId, ["waited"])[0]!, ws.users.editor.id).then(() => {
        settled = true;
      });
      // The group is formed on the next turn of the loop and handed to the writer, which waits for the lock. The
      // server keeps answering meanwhile (its own reads go through), and nothing is acknowledged yet.
      await new Promise((resolve) => setImmediate(resolve));
      for (let read = 0; read < 5; read++)
        await db.kysely.selectFrom("maps").select("title").where("id", "=", mapId).executeTakeFirstOrThrow();
      expect(settled).toBe(false);
      other.exec("COMMIT");
      other.close();
      await appended;
      expect((await storedTexts(db, mapId)).has("waited")).toBe(true);
    });
});
