import {
  buildMapFromTemplate,
  translate,
  IdeaCreateSchema,
  IdeaSchema,
  KpiCreateSchema,
  KpiSeriesSchema,
} from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdea } from "../../commands/ideaCreator.js";
import { changeIdeaStatus } from "../../commands/ideaStatusChanger.js";
import { createKpi } from "../../commands/kpiDefiner.js";
import { insertKpiValue } from "../../store/kpiStore.js";
import { buildWorkspace } from "../../testing/factories.js";
import { runCli } from "../../testing/serverProcess.js";
import { testDialects, type TestDatabase } from "../../testing/testDatabases.js";
import { createTestServices } from "../../testing/testServices.js";

// Each check starts the compiled CLI in its own process, seconds apiece on a loaded machine.
const SLOW = 180_000;

describe.each(testDialects)("cjm ideas and cjm kpi (compiled CLI) on %s", (dialect) => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let workspaceId: string;
  let mapId: string;
  let ideaId: string;
  let kpiId: string;
  let measuredId: string;

  beforeAll(async () => {
    const made = await createTestServices(dialect);
    t = made.t;
    const { services } = made;
    const ws = await buildWorkspace(services.db);
    workspaceId = ws.id;
    const map = await services.maps.create({
      workspaceId,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en", title: "Shoe shop" }),
    });
    mapId = map.id;
    const step = (await services.maps.readSnapshot(mapId)).steps[1]!;
    const kpi = await createKpi(
      services,
      workspaceId,
      ws.users.editor.id,
      KpiCreateSchema.parse({
        name: "Basket value",
        anchor: { kind: "step", mapId, stepId: step.id },
        source: { kind: "manual" },
        unit: "€",
        target: 60,
        ownerId: ws.users.viewer.id,
      }),
    );
    kpiId = kpi.id;
    await insertKpiValue(services.db, kpiId, ws.users.editor.id, { date: "2026-10-05", value: 52.5, note: "" });
    await insertKpiValue(services.db, kpiId, ws.users.editor.id, { date: "2026-10-14", value: 1234.5, note: "" });
    const make = (body: Record<string, unknown>) =>
      createIdea(services, workspaceId, ws.users.editor.id, IdeaCreateSchema.parse(body));
    const idea = await make({
      title: "Free returns",
      steps: [{ mapId, stepId: step.id }],
      kpiIds: [kpiId],
      ice: { impact: 7, confidence: 5, ease: 8 },
      rice: { reach: 1000, impact: 2, confidence: 80, effort: 4 },
      tags: ["returns"],
    });
    ideaId = idea.id;
    await make({ title: "Gift wrap", ice: { impact: 2, confidence: 5, ease: 9 } });
    await make({ title: "\u001b[31mRed alert", description: "hostile text" });
    await changeIdeaStatus(services, workspaceId, ideaId, ws.users.editor.id, {
      status: "rejected",
      reason: "Too costly",
    });
    const measured = await make({
      title: "Faster checkout",
      kpiIds: [kpiId],
      ice: { impact: 1, confidence: 1, ease: 1 },
    });
    measuredId = measured.id;
    const move = (status: "approved" | "inProgress" | "shipped" | "measured", extra: Record<string, unknown> = {}) =>
      changeIdeaStatus(services, workspaceId, measured.id, ws.users.editor.id, { status, ...extra });
    await move("approved");
    await move("inProgress");
    await move("shipped", { at: "2026-10-10T12:00:00.000Z" });
    await move("measured", { beforeDays: 7, afterDays: 14 });
    env = { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? "" };
    await made.services.analytics.close();
  }, SLOW);
  afterAll(() => t?.dispose());

  const cli = (...args: string[]) => runCli(args, env);

  it(
    "lists the backlog ranked by ICE score, unscored last, with statuses and steps, hostile text inert",
    () => {
      const r = cli("ideas", "list", "--workspace", workspaceId);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines[0]).toMatch(/^Idea\s+Status\s+ICE\s+RICE\s+Owner\s+Steps$/);
      expect(lines.slice(2).map((l) => l.split(/\s{2,}/)[0])).toEqual([
        "Free returns",
        "Gift wrap",
        "Faster checkout",
        "\ufffd[31mRed alert",
      ]);
      expect(lines[2]).toMatch(/Free returns\s+Rejected\s+280\s+400\s+–\s+Compares products/);
      expect(r.stdout).not.toContain("\u001b");
    },
    SLOW,
  );

  it(
    "filters by --map and --status, refuses an unknown status naming --status, and prints the API's JSON",
    () => {
      const json = cli("ideas", "list", "--workspace", workspaceId, "--map", mapId, "--json");
      expect(json.status).toBe(0);
      const ideas = IdeaSchema.array().parse(JSON.parse(json.stdout));
      expect(ideas.map((i) => i.title)).toEqual(["Free returns"]);
      const rejected = cli("ideas", "list", "--workspace", workspaceId, "--status", "rejected");
      expect(rejected.stdout).toContain("Free returns");
      expect(rejected.stdout).not.toContain("Gift wrap");
      const bad = cli("ideas", "list", "--workspace", workspaceId, "--status", "done");
      expect([bad.status, bad.stderr.trim().split("\n")[0]]).toEqual([1, expect.stringMatching(/^error: --status: /)]);
      const noMap = cli("ideas", "list", "--workspace", workspaceId, "--map", "map_nope");
      expect(noMap.stderr.trim()).toBe(`error: --map: no map "map_nope" in workspace ${workspaceId}`);
    },
    SLOW,
  );

  it(
    "shows one idea with its formulas, KPIs and history with the rejection's reason, in Russian",
    () => {
      const r = cli("--lang", "ru", "ideas", "show", ideaId, "--workspace", workspaceId);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain(`Free returns — ${translate("ru", "vocabulary", "ideaStatus.rejected")}`);
      expect(r.stdout).toContain("ICE 280 = влияние 7 × уверенность 5 × простота 8");
      expect(r.stdout).toContain("RICE 400 = охват 1\u00a0000 × влияние 2 × уверенность 80% ÷ трудозатраты 4");
      expect(r.stdout).toContain("Basket value");
      expect(r.stdout).toContain("причина: Too costly");
      const missing = cli("--lang", "ru", "ideas", "show", "idea_nope", "--workspace", workspaceId);
      expect([missing.status, missing.stderr.trim()]).toEqual([
        1,
        `error: <ideaId>: в рабочем пространстве ${workspaceId} нет идеи «idea_nope»`,
      ]);
    },
    SLOW,
  );

  it(
    "shows a measured idea's windows when they differ, before the ship date against the trial",
    () => {
      const r = cli("ideas", "show", measuredId, "--workspace", workspaceId);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/Measured effect, 7 days before the ship date against a 14-day trial, recorded /);
      expect(r.stdout).toContain("Basket value: ");
      const ru = cli("--lang", "ru", "ideas", "show", measuredId, "--workspace", workspaceId);
      expect(ru.stdout).toContain("Измеренный эффект, 7 дн. до выпуска против пробного периода 14 дн.");
    },
    SLOW,
  );

  it(
    "lists KPIs with where they are defined, target in their unit, direction and owner, Persian digits in Persian",
    () => {
      const en = cli("kpi", "list", "--workspace", workspaceId);
      expect(en.status).toBe(0);
      expect(en.stdout).toMatch(
        /Basket value\s+Compares products\s+Entered by hand\s+60 €\s+Higher is better\s+viewer user/,
      );
      const fa = cli("--lang", "fa", "kpi", "list", "--workspace", workspaceId, "--map", mapId);
      expect(fa.stderr).toBe("");
      expect(fa.stdout).toContain("۶۰ €");
      expect(fa.stdout).toContain("هرچه بیشتر، بهتر");
    },
    SLOW,
  );

  it(
    "prints a KPI's values per week, by KPI or for every KPI of --map, and refuses a bad bucket naming it",
    () => {
      const r = cli("kpi", "series", kpiId, "--workspace", workspaceId, "--from", "2026-10-05", "--to", "2026-10-19");
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("Basket value (Weekly)");
      expect(r.stdout).toMatch(/Oct 5, 2026\s+52\.5 €\s+1/);
      expect(r.stdout).toMatch(/Oct 12, 2026\s+1,234\.5 €\s+1/);
      const json = cli(
        "kpi",
        "series",
        "--map",
        mapId,
        "--workspace",
        workspaceId,
        "--from",
        "2026-10-05",
        "--to",
        "2026-10-19",
        "--json",
      );
      const series = KpiSeriesSchema.array().parse(JSON.parse(json.stdout));
      expect(series.map((s) => [s.kpiId, s.points.map((p) => p.value)])).toEqual([[kpiId, [52.5, 1234.5]]]);
      const bad = cli("kpi", "series", kpiId, "--workspace", workspaceId, "--bucket", "year");
      expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/^error: --bucket: /)]);
      const neither = cli("kpi", "series", "--workspace", workspaceId);
      expect(neither.stderr.trim()).toBe("error: <kpiId>: give a KPI or --map <mapId>");
      const missing = cli("kpi", "series", "kpi_nope", "--workspace", workspaceId);
      expect(missing.stderr.trim()).toBe(`error: <kpiId>: no KPI "kpi_nope" in workspace ${workspaceId}`);
    },
    SLOW,
  );
});
