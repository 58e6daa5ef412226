import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { applyMapOperations } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { createDb, type Db } from "../../db/createDb.js";
import { createUser } from "../../commands/userCreator.js";
import { createMapDocumentService } from "../../store/createMapDocumentService.js";
import { runCli } from "../../testing/serverProcess.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../../testing/testDatabases.js";

const PASSWORD = "correct horse battery";

describe("cjm backup and restore", () => {
  let dir: string;
  let source: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapIds: string[];
  let backupFile: string;
  const targets: TestDatabase[] = [];
  let sourceDb: Db;

  /** Everything a workspace holds that a restore must bring back, read straight from a database. */
  async function contents(db: Db, id: string) {
    const maps = createMapDocumentService({ db, config: loadConfig({}, { dataDir: dir }) });
    const mapRows = await db.kysely
      .selectFrom("maps")
      .select(["id", "title", "created_by", "created_at"])
      .where("workspace_id", "=", id)
      .orderBy("id")
      .execute();
    return {
      maps: mapRows,
      snapshots: await Promise.all(mapRows.map((m) => maps.readSnapshot(m.id))),
      personas: await db.kysely
        .selectFrom("personas")
        .select(["id", "name", "data"])
        .where("workspace_id", "=", id)
        .orderBy("id")
        .execute(),
      touchpoints: await db.kysely
        .selectFrom("touchpoints")
        .select(["id", "name", "channel_id", "description", "medium", "owner_team"])
        .where("workspace_id", "=", id)
        .orderBy("id")
        .execute(),
      channels: await db.kysely
        .selectFrom("channels")
        .select(["id", "key", "name", "online"])
        .where("workspace_id", "=", id)
        .orderBy("id")
        .execute(),
      photos: (
        await db.kysely
          .selectFrom("persona_photos")
          .select(["persona_id", "content_type", "data"])
          .where("workspace_id", "=", id)
          .orderBy("persona_id")
          .execute()
      ).map((p) => ({ ...p, data: Buffer.from(p.data).toString("hex") })),
      rules: await db.kysely
        .selectFrom("touchpoint_rules")
        .select(["id", "touchpoint_id", "event_names", "pattern", "channel", "conditions", "sort_order"])
        .where("workspace_id", "=", id)
        .orderBy("id")
        .execute(),
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-backup-"));
    source = { DATA_DIR: join(dir, "source"), DATABASE_URL: "" };
    expect(
      runCli(["init", "--email", "owner@example.com", "--name", "Owner", "--password", PASSWORD], source).status,
    ).toBe(0);
    expect(
      runCli(["user", "add", "--email", "ed@example.com", "--name", "Ed", "--password", PASSWORD], source).status,
    ).toBe(0);
    const db = createDb({ sqlitePath: join(dir, "source", "opencjm.sqlite") });
    workspaceId = (await db.kysely.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
    const ed = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "ed@example.com")
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto("members")
      .values({ workspace_id: workspaceId, user_id: ed.id, role: "editor", created_at: new Date().toISOString() })
      .execute();
    mapIds = (
      await db.kysely.selectFrom("maps").select("id").where("workspace_id", "=", workspaceId).orderBy("id").execute()
    ).map((m) => m.id);
    // An edit still in the update log (not compacted) must be in the backup too.
    const maps = createMapDocumentService({ db, config: loadConfig({}, { dataDir: join(dir, "source") }) });
    await maps.edit(
      mapIds[0]!,
      (doc) => applyMapOperations(doc, [{ op: "addStage", name: "Loyalty after backup" }]),
      "test",
    );
    // A persona photo and a touchpoint mapping rule, which live in tables of their own.
    const persona = await db.kysely
      .selectFrom("personas")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c5ecc30000000049454e44ae426082",
      "hex",
    );
    await db.kysely
      .insertInto("persona_photos")
      .values({
        persona_id: persona.id,
        workspace_id: workspaceId,
        content_type: "image/png",
        data: png,
        updated_at: new Date().toISOString(),
      })
      .execute();
    const touchpoint = await db.kysely
      .selectFrom("touchpoints")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const rule = {
      id: "tr_backup",
      workspace_id: workspaceId,
      touchpoint_id: touchpoint.id,
      event_names: JSON.stringify(["checkout_started"]),
      pattern: null,
      channel: "web",
      conditions: JSON.stringify([{ property: "device", operator: "eq", value: "mobile" }]),
      sort_order: "a0",
      created_at: "2026-11-01T00:00:00.000Z",
      updated_at: "2026-11-01T00:00:00.000Z",
    };
    await db.kysely.insertInto("touchpoint_rules").values(rule).execute();
    sourceDb = db;
    backupFile = join(dir, "workspace.json.gz");
  });
  afterAll(async () => {
    await sourceDb?.close();
    for (const t of targets) await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each step runs the real CLI in a process of its own; on two busy cores that takes seconds, not milliseconds.
  const SLOW = 300_000;

  it(
    "writes the whole workspace, gzipped, with every edit",
    () => {
      const r = runCli(["backup", "--workspace", workspaceId, "--out", backupFile], source);
      expect([r.status, r.stderr]).toEqual([
        0,
        expect.stringMatching(/wrote .*workspace\.json\.gz: 4 map\(s\), 3 persona\(s\)/),
      ]);
      const backup = JSON.parse(gunzipSync(readFileSync(backupFile)).toString("utf8"));
      expect(backup).toMatchObject({
        format: "opencjm.workspace-backup",
        formatVersion: 3,
        workspace: { id: workspaceId },
      });
      expect([
        backup.personaPhotos.length,
        backup.touchpointRules.map((r: { eventNames: string[] }) => r.eventNames),
      ]).toEqual([1, [["checkout_started"]]]);
      expect(backup.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toEqual([
        "owner@example.com:owner",
        "ed@example.com:editor",
      ]);
      expect(
        JSON.stringify(backup.maps[backup.maps.findIndex((m: { id: string }) => m.id === mapIds[0])].snapshot),
      ).toContain("Loyalty after backup");
      expect(JSON.stringify(backup)).not.toContain("argon2");
    },
    SLOW,
  );

  for (const dialect of testDialects) {
    it(
      `restores onto ${dialect}: every map exports identically, members come back by e-mail; all or nothing`,
      async () => {
        const target = await createTestDatabase(dialect);
        targets.push(target);
        const env = { DATA_DIR: target.config.dataDir, DATABASE_URL: target.config.databaseUrl ?? "" };
        await createUser(target.db, { email: "owner@example.com", name: "Owner", password: PASSWORD });
        await createUser(target.db, { email: "ed@example.com", name: "Ed", password: PASSWORD });
        const restored = runCli(["restore", backupFile, "--owner", "owner@example.com"], env);
        expect([restored.status, restored.stdout]).toEqual([
          0,
          expect.stringMatching(
            new RegExp(
              `^restored workspace ${workspaceId}: 4 map\\(s\\), 3 persona\\(s\\) with 1 photo\\(s\\), \\d+ touchpoint\\(s\\) with 1 mapping rule\\(s\\), 0 custom channel\\(s\\), 4 idea\\(s\\), 2 KPI\\(s\\)\nmembers: ed@example.com\n$`,
            ),
          ),
        ]);
        const [before, after] = [await contents(sourceDb, workspaceId), await contents(target.db, workspaceId)];
        expect(after).toEqual(before);
        // The CLI reads the restored map like any other.
        const exported = JSON.parse(runCli(["map", "export", mapIds[0]!, "--format", "json"], env).stdout);
        expect(exported.snapshot).toEqual(before.snapshots[0]);
        const count = async () => (await target.db.kysely.selectFrom("maps").select("id").execute()).length;
        const again = runCli(["restore", backupFile, "--owner", "owner@example.com"], env);
        expect([again.status, again.stderr]).toEqual([
          1,
          expect.stringContaining(`"${workspaceId}" already exists in this database`),
        ]);
        expect(await count()).toBe(4);
        const restoredCopy = runCli(["restore", backupFile, "--owner", "owner@example.com", "--new-ids"], env);
        expect(restoredCopy.status).toBe(0);
        const copyId = restoredCopy.stdout.match(/restored workspace (\S+):/)![1]!;
        expect(copyId).not.toBe(workspaceId);
        expect(await count()).toBe(8);
        // The copy refers to its own personas, not to the original's.
        const copy = await contents(target.db, copyId);
        const copyPersonaIds = new Set(copy.personas.map((p) => p.id));
        expect(copy.snapshots.flatMap((s) => s.settings.personaIds).length).toBeGreaterThan(0);
        for (const s of copy.snapshots) for (const id of s.settings.personaIds) expect(copyPersonaIds).toContain(id);
        // Its photo and mapping rule point at its own persona and touchpoint.
        expect(copy.photos.map((p) => [copyPersonaIds.has(p.persona_id), p.data])).toEqual([
          [true, before.photos[0]!.data],
        ]);
        expect(
          copy.rules.map((r) => [
            new Set(copy.touchpoints.map((t) => t.id)).has(r.touchpoint_id),
            r.event_names,
            r.conditions,
          ]),
        ).toEqual([[true, before.rules[0]!.event_names, before.rules[0]!.conditions]]);
        const stageNames = (snapshots: typeof copy.snapshots) =>
          snapshots.map((s) => s.stages.map((x) => x.name).join("|")).sort();
        expect(stageNames(copy.snapshots)).toEqual(stageNames(before.snapshots));
      },
      SLOW,
    );
  }

  it(
    "refuses a damaged or foreign file, naming the field, and restores nothing",
    async () => {
      const target = await createTestDatabase("sqlite");
      targets.push(target);
      const env = { DATA_DIR: target.config.dataDir, DATABASE_URL: "" };
      await createUser(target.db, { email: "owner@example.com", name: "Owner", password: PASSWORD });
      const backup = JSON.parse(gunzipSync(readFileSync(backupFile)).toString("utf8"));
      backup.maps[1].state = "AAAA";
      const broken = join(dir, "broken.json");
      writeFileSync(broken, JSON.stringify(backup));
      const r = runCli(["restore", broken, "--owner", "owner@example.com"], env);
      expect([r.status, r.stderr]).toEqual([
        1,
        expect.stringContaining("broken.json: maps[1].state: not a readable map document"),
      ]);
      writeFileSync(broken, JSON.stringify({ ...backup, personas: [{ name: "" }] }));
      expect(runCli(["restore", broken, "--owner", "owner@example.com"], env).stderr).toContain(
        "broken.json: personas[0]",
      );
      expect(runCli(["restore", broken, "--owner", "nobody@example.com"], env).stderr).toContain(
        "--owner: no user with e-mail nobody@example.com",
      );
      expect(await target.db.kysely.selectFrom("workspaces").select("id").execute()).toHaveLength(0);
    },
    SLOW,
  );
});
