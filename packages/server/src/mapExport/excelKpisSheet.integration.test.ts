import ExcelJS from "exceljs";
import { translate } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIdeaKpiMap, type IdeaKpiMap } from "../mapImport/ideaKpiFixture.js";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

describe.each(testDialects)("the Excel export's KPIs sheet on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let fixture: IdeaKpiMap;
  const today = new Date().toISOString().slice(0, 10);
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
    fixture = await buildIdeaKpiMap(t, ws);
    // The sheet shows the series the map shows by default, the last twelve weeks: a value entered today is the latest.
    const res = await t.request("POST", `/api/workspaces/${ws.id}/kpis/${fixture.manualKpiId}/values`, {
      headers: ws.users.editor.headers,
      body: { date: today, value: 4.5 },
    });
    expect(res.status).toBe(201);
  });
  afterEach(() => t.dispose());

  async function kpiSheet(lang: string): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
    const res = await t.app.request(`/api/workspaces/${ws.id}/maps/${fixture.mapId}/export?format=xlsx&lang=${lang}`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet(translate(lang === "fa" ? "fa" : "en", "vocabulary", "laneType.kpis"));
    expect(sheet, wb.worksheets.map((w) => w.name).join(", ")).toBeDefined();
    const rows = sheet!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    return { sheet: sheet!, rows };
  }

  it("lists each KPI with where it is defined, what it measures, target, direction, owner, latest value and series", async () => {
    const { rows } = await kpiSheet("en");
    const [header, manual, reach] = rows;
    expect(header!.slice(0, 9)).toEqual([
      "Name",
      "Defined on",
      "Measured as",
      "Unit",
      "Direction",
      "Target",
      "Owner",
      "Latest value",
      "Latest period",
    ]);
    // Twelve weeks up to today, each column headed with its week's first day.
    expect(header!.length).toBeGreaterThanOrEqual(9 + 12);
    expect(String(header![9])).toMatch(/^Weekly from [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const step = (await t.services.maps.readSnapshot(fixture.mapId)).steps.find((s) => s.id === fixture.stepId)!;
    expect(manual!.slice(0, 8)).toEqual([
      "Revenue per visit",
      step.name,
      "Entered by hand",
      "€",
      "Higher is better",
      "3.5 €",
      "viewer user",
      "4.5 €",
    ]);
    expect(manual!.at(-1)).toBe(4.5);
    expect(reach!.slice(0, 3)).toEqual(["Reach", step.name, "Customers reaching it"]);
  });

  it("writes Persian words and digits, right to left, in Persian", async () => {
    const { sheet, rows } = await kpiSheet("fa");
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(rows[0]![0]).toBe(translate("fa", "vocabulary", "name"));
    expect(rows[1]!.slice(2, 8)).toEqual([
      translate("fa", "vocabulary", "kpiMeasure.manual"),
      "€",
      translate("fa", "vocabulary", "kpiDirection.higher"),
      "۳٫۵ €",
      "viewer user",
      "۴٫۵ €",
    ]);
  });
});
