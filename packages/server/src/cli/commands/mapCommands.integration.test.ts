import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { HighlightCreateSchema, NoteCreateSchema, StudyCreateSchema } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHighlight } from "../../commands/highlightWriter.js";
import { createTypedNote } from "../../commands/researchNoteWriter.js";
import { createStudy } from "../../commands/studyWriter.js";
import { loadConfig } from "../../config.js";
import { createDb, type Db } from "../../db/createDb.js";
import { firstOwnerId } from "../../store/memberStore.js";
import { runCli } from "../../testing/serverProcess.js";
import { openServices } from "../openServices.js";

const OJF = new URL(
  "../../../../../../shared/cjm-research-data/journey-maps/openjourney-ojf/clinic-visit-blueprint.ojf",
  import.meta.url,
).pathname;
// Each step runs the real CLI in a process of its own; on two busy cores that takes seconds.
const SLOW = 300_000;

describe("cjm map export and import in every format", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let db: Db;
  let workspaceId: string;
  let mapId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cjm-map-cli-"));
    env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "" };
    expect(
      runCli(["init", "--email", "owner@example.com", "--name", "Owner", "--password", "correct horse battery"], env)
        .status,
    ).toBe(0);
    db = createDb({ sqlitePath: join(dir, "data", "opencjm.sqlite") });
    workspaceId = (await db.kysely.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
    mapId = (
      await db.kysely
        .selectFrom("maps")
        .select("id")
        .where("title", "=", "Lena buys running shoes online")
        .executeTakeFirstOrThrow()
    ).id;
  }, SLOW);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "adds the map's research to a workbook only when asked with --research",
    async () => {
      const quote = "I compared prices on three sites before buying.";
      const services = await openServices(loadConfig(env));
      try {
        const ownerId = (await firstOwnerId(services.db, workspaceId))!;
        const [step] = (await services.maps.readSnapshot(mapId)).steps;
        const study = await createStudy(
          services,
          workspaceId,
          ownerId,
          StudyCreateSchema.parse({ title: "Shoe buyers", method: "interview", mapIds: [mapId] }),
        );
        const note = await createTypedNote(
          services,
          workspaceId,
          ownerId,
          NoteCreateSchema.parse({ studyId: study.id, text: quote }),
        );
        await createHighlight(
          services,
          workspaceId,
          ownerId,
          HighlightCreateSchema.parse({
            noteId: note.id,
            start: 0,
            end: quote.length,
            anchors: [{ kind: "step", mapId, stepId: step!.id }],
          }),
        );
      } finally {
        await services.close();
      }
      const strings = async (file: string) =>
        (await JSZip.loadAsync(readFileSync(file))).file("xl/sharedStrings.xml")!.async("string");
      const [plain, withResearch] = [join(dir, "plain.xlsx"), join(dir, "research.xlsx")];
      expect(runCli(["map", "export", mapId, "--format", "xlsx", "--out", plain], env).status).toBe(0);
      expect(
        runCli(["map", "export", mapId, "--format", "xlsx", "--out", withResearch, "--research"], env).status,
      ).toBe(0);
      expect(await strings(plain)).not.toContain(quote);
      expect(await strings(withResearch)).toContain(quote);
    },
    SLOW,
  );

  it(
    "writes Excel, PowerPoint, Markdown and Mermaid files, with labels in the language asked for",
    async () => {
      const xlsx = join(dir, "map.xlsx");
      expect(
        runCli(["map", "export", mapId, "--format", "xlsx", "--out", xlsx, "--lang", "zh-Hant"], env),
      ).toMatchObject({ status: 0, stderr: `已寫入 ${xlsx}\n` }); // --lang sets the CLI's own words too
      const workbook = await JSZip.loadAsync(readFileSync(xlsx));
      expect(await workbook.file("xl/workbook.xml")!.async("string")).toContain('name="旅程圖"');
      const pptx = join(dir, "map.pptx");
      expect(runCli(["map", "export", mapId, "--format", "pptx", "--out", pptx], env).status).toBe(0);
      expect(
        Object.keys((await JSZip.loadAsync(readFileSync(pptx))).files).filter((n) =>
          /^ppt\/slides\/slide\d+\.xml$/.test(n),
        ).length,
      ).toBeGreaterThan(4);
      const md = runCli(["map", "export", mapId, "--format", "md", "--lang", "ru"], env);
      expect(md.stdout).toMatch(/^# Lena buys running shoes online\n[\s\S]*## Этап: Discover/);
      const mermaid = runCli(["map", "export", mapId, "--format", "mermaid"], env);
      expect(mermaid.stdout).toMatch(/^journey\n {4}title Lena buys running shoes online\n {4}section Discover\n/);
      const bad = runCli(["map", "export", mapId, "--format", "docx"], env);
      expect([bad.status, bad.stderr]).toEqual([
        1,
        "error: --format: must be one of pdf, png, infographic, infographic-png, pptx, xlsx, csv, json, md, mermaid\n",
      ]);
    },
    SLOW,
  );

  it(
    "imports an OpenJourney blueprint (dry run first), and its own Excel export back",
    async () => {
      const count = async () => (await db.kysely.selectFrom("maps").select("id").execute()).length;
      const before = await count();
      const dry = runCli(["map", "import", OJF, "--workspace", workspaceId, "--dry-run"], env);
      expect(dry.stdout).toMatch(
        /^would import "Patient Clinic Visit" \(ojf\): 3 stage\(s\), 3 step\(s\), 6 lane\(s\), 19 card\(s\), 3 emotion point\(s\)\nwould drop nodes\[\]\.purpose: the map has no place for “purpose” \(3 nodes\) — "touchpoint", "milestone"\n/,
      );
      expect(await count()).toBe(before);
      const real = runCli(["map", "import", OJF, "--workspace", workspaceId], env);
      expect([real.status, real.stdout]).toEqual([
        0,
        expect.stringMatching(/^imported map map_\w+ with 1 persona\(s\)\ndropped nodes\[\]\.purpose: /),
      ]);
      const xlsx = join(dir, "map.xlsx");
      const back = runCli(["map", "import", xlsx, "--workspace", workspaceId], env);
      expect([back.status, back.stdout]).toEqual([0, expect.stringMatching(/^imported map map_\w+\n$/)]);
      expect(await count()).toBe(before + 2);
    },
    SLOW,
  );

  it(
    "gives the dry run's reasons for what it would leave out in Russian and Persian, for the same texts",
    () => {
      const dry = (lang: string) =>
        runCli(["map", "import", OJF, "--workspace", workspaceId, "--dry-run", "--lang", lang], env);
      const ru = dry("ru");
      expect([ru.status, ru.stdout]).toEqual([
        0,
        expect.stringContaining(
          `nodes[].purpose: в карте нет места для «purpose» (3 узла) — "touchpoint", "milestone"`,
        ),
      ]);
      const fa = dry("fa");
      expect([fa.status, fa.stdout]).toEqual([
        0,
        expect.stringContaining(`nodes[].purpose: نقشه جایی برای «purpose» ندارد (۳ گره) — "touchpoint", "milestone"`),
      ]);
    },
    SLOW,
  );
});
