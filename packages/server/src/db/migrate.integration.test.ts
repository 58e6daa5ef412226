import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/testDatabases.js";
import { migrateToLatest } from "./migrate.js";

describe.each(testDialects)("database schema on %s", (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it("migrates an empty database and is a no-op the second time", async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.db);
    const tables = await t.db.kysely.introspection.getTables();
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(["users", "workspaces", "members", "maps", "map_updates", "map_states"]),
    );
  });

  it("stores Yjs updates as bytes and hands them back unchanged, with increasing ids", async () => {
    t = await createTestDatabase(dialect);
    const k = t.db.kysely;
    const now = new Date().toISOString();
    await k
      .insertInto("users")
      .values({ id: "u1", email: "a@example.test", name: "A", password_hash: "x", locale: "en", created_at: now })
      .execute();
    await k.insertInto("workspaces").values({ id: "w1", name: "W", locale: "en", created_at: now }).execute();
    await k
      .insertInto("maps")
      .values({
        id: "m1",
        workspace_id: "w1",
        title: "M",
        type: "currentState",
        status: "draft",
        snapshot: "{}",
        created_by: "u1",
        created_at: now,
        updated_at: now,
      })
      .execute();
    const bytes = [Buffer.from([0, 1, 2, 255, 254]), Buffer.from("второй", "utf8")];
    for (const update of bytes)
      await k.insertInto("map_updates").values({ map_id: "m1", update, created_at: now }).execute();
    const rows = await k
      .selectFrom("map_updates")
      .select(["id", "update"])
      .where("map_id", "=", "m1")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => Buffer.from(r.update).equals(bytes[rows.indexOf(r)]!))).toEqual([true, true]);
    expect(typeof rows[0]!.id).toBe("number");
    expect(rows[1]!.id).toBeGreaterThan(rows[0]!.id);
  });

  it("lets two workspaces use the same built-in channel id but not twice in one workspace", async () => {
    t = await createTestDatabase(dialect);
    const k = t.db.kysely;
    const now = new Date().toISOString();
    for (const id of ["w1", "w2"])
      await k.insertInto("workspaces").values({ id, name: id, locale: "en", created_at: now }).execute();
    const channel = (workspace_id: string) => ({
      id: "website",
      workspace_id,
      key: "website",
      name: "Website",
      online: 1,
      icon: "globe",
      built_in: 1,
    });
    await k
      .insertInto("channels")
      .values([channel("w1"), channel("w2")])
      .execute();
    await expect(k.insertInto("channels").values(channel("w1")).execute()).rejects.toThrow();
  });
});
