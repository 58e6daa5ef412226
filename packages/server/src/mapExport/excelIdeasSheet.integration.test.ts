import ExcelJS from "exceljs";
import { applyMapOperations, buildMapFromTemplate, type Idea } from "@opencjm/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";

describe.each(testDialects)("the Excel export's Ideas sheet on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterEach(() => t.dispose());

  async function exported(mapId: string, lang: string): Promise<ExcelJS.Workbook> {
    const res = await t.app.request(`/api/workspaces/${ws.id}/maps/${mapId}/export?format=xlsx&lang=${lang}`, {
      headers: ws.users.viewer.headers,
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));

  it("lists the map's ideas with status, scores, linked steps and owner, in the export's language", async () => {
    const map = await t.services.maps.create({
      workspaceId: ws.id,
      createdBy: ws.users.owner.id,
      snapshot: buildMapFromTemplate("ecommerce", { locale: "en" }),
    });
    const snapshot = await t.services.maps.readSnapshot(map.id);
    const step = snapshot.steps[2]!;
    const otherStep = snapshot.steps[3]!;
    const laneId = snapshot.lanes.find((l) => l.type === "painPoints")!.id;
    const edit = (ops: Parameters<typeof applyMapOperations>[1]) =>
      t.services.maps.edit(map.id, (doc) => applyMapOperations(doc, ops), "test");
    const [{ id: painId }, { id: goneId }] = (
      await edit([
        {
          op: "addCard",
          laneId,
          stepId: step.id,
          card: { kind: "painPoint", text: "Coupon field confuses", severity: 3 },
        },
        { op: "addCard", laneId, stepId: otherStep.id, card: { kind: "painPoint", text: "Soon deleted", severity: 2 } },
      ])
    ).result as [{ id: string }, { id: string }];
    const post = async (body: Record<string, unknown>) =>
      (await t.request("POST", `/api/workspaces/${ws.id}/ideas`, { headers: ws.users.editor.headers, body }))
        .body as unknown as Idea;
    const scored = await post({
      title: '=HYPERLINK("http://evil")',
      anchors: [{ mapId: map.id, cardId: painId }],
      steps: [{ mapId: map.id, stepId: otherStep.id }],
      ownerId: ws.users.viewer.id,
      tags: ["checkout", "coupons"],
      ice: { impact: 7, confidence: 5, ease: 8 },
      rice: { reach: 1200, impact: 2, confidence: 80, effort: 3 },
    });
    await t.request("POST", `/api/workspaces/${ws.id}/ideas/${scored.id}/status`, {
      headers: ws.users.editor.headers,
      body: { status: "approved" },
    });
    await t.request("PUT", `/api/workspaces/${ws.id}/ideas/${scored.id}/matrix`, {
      headers: ws.users.editor.headers,
      body: { impact: 0.9, effort: 0.2 },
    });
    await post({ title: "Orphaned", anchors: [{ mapId: map.id, cardId: goneId }] });
    await post({ title: "Elsewhere" });
    await edit([{ op: "removeCard", cardId: goneId }]);

    const english = await exported(map.id, "en");
    const ideas = rowsOf(english.getWorksheet("Ideas")!);
    expect(ideas[0]).toEqual([
      "Title",
      "Status",
      "ICE (impact × confidence × ease)",
      "RICE ((reach × impact × confidence) / effort)",
      "Impact/effort",
      "Linked steps",
      "Owner",
      "Tags",
      "Description",
    ]);
    // Ranked by ICE; the idea not linked to this map is not listed; user text is formula-safe.
    expect(ideas.slice(1).map((r) => r[0])).toEqual(['\'=HYPERLINK("http://evil")', "Orphaned"]);
    expect(ideas[1]!.slice(1, 8)).toEqual([
      "Approved",
      280,
      640,
      "Quick win",
      `${step.name}\n${otherStep.name}`,
      "viewer user",
      "checkout, coupons",
    ]);
    expect(ideas[2]![5]).toBe("Soon deleted (removed)");
    const problems = rowsOf(english.getWorksheet("Pain points & opportunities")!);
    expect(problems.find((r) => r[3] === "Coupon field confuses")?.[6]).toBe('\'=HYPERLINK("http://evil")');

    const persian = await exported(map.id, "fa");
    const sheet = persian.getWorksheet("ایده‌ها")!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const fa = rowsOf(sheet);
    expect(fa[0]![1]).toBe("وضعیت");
    expect(fa[1]!.slice(1, 5)).toEqual(["تأییدشده", 280, 640, "برد سریع"]);
    expect(fa[2]![5]).toBe("Soon deleted (حذف‌شده)");
  });
});
