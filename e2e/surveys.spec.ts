/// <reference lib="dom" />
import type { MapWithSnapshot, Study } from "@opencjm/core";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";
import { ResearchScreen } from "./pages/ResearchScreen.js";

/** A Chinese survey tool's export, saved in GB18030: NPS, CSAT and a comment, with participant codes. */
const CHINESE = ["参与者,推荐意愿 NPS,付款满意度 CSAT,意见", "P01,10,5,付款很顺利", "P02,9,4,送货太慢了", ",3,2,"].join(
  "\r\n",
);
/** A Russian one, saved in Windows-1251 with semicolons: one code nobody has and one answer off the CSAT scale. */
const RUSSIAN = [
  "Код участника;Насколько вы удовлетворены доставкой?;Комментарий",
  "P01;4;Курьер опоздал",
  "P02;2;Всё плохо",
  "P77;7;",
].join("\r\n");

/** Uploads an export through the study page's dialog and maps its questions (column → step name, or null). */
async function importSurvey(
  page: Page,
  file: { name: string; bytes: Buffer; charset: string },
  steps: Record<number, string | null>,
): Promise<string> {
  await page.getByTestId("import-survey").click();
  const dialog = page.getByTestId("survey-import-dialog");
  await dialog.getByTestId("survey-file").setInputFiles({ name: file.name, mimeType: "text/csv", buffer: file.bytes });
  await dialog.getByTestId("survey-upload-submit").click();
  const mapping = dialog.getByTestId("survey-mapping");
  await mapping.waitFor();
  expect(await mapping.innerText()).toContain(`read as ${file.charset}`);
  for (const [column, step] of Object.entries(steps)) {
    const picker = mapping.getByTestId(`survey-step-${column}`);
    await eventually(() => picker.locator("option").count()).toBeGreaterThan(1);
    if (step) await picker.selectOption({ label: step });
  }
  await mapping.getByTestId("survey-mapping-confirm").click();
  const report = dialog.getByTestId("survey-report");
  await report.waitFor();
  const text = await report.innerText();
  await dialog.getByTestId("survey-import-done").click();
  await dialog.waitFor({ state: "detached" });
  return text;
}

describe("survey responses in a real browser", () => {
  let browser: Browser;
  let fx: EditorFixture;

  beforeAll(async () => {
    fx = await startEditorFixture();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  it("imports a GB18030 and a Windows-1251 export, maps questions to steps, shows per-step scores, and a deleted survey's scores go", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const { snapshot } = await fx.api<MapWithSnapshot>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    const [first, second, third] = snapshot.steps;
    const research = `/api/workspaces/${fx.workspaceId}/research`;
    const study = await fx.api<Study>(fx.owner, "POST", `${research}/studies`, {
      title: "Checkout survey",
      method: "survey",
      mapIds: [mapId],
    });
    for (const code of ["P01", "P02"])
      await fx.api(fx.owner, "POST", `${research}/participants`, { studyId: study.id, code });

    const context = await fx.context(browser, fx.editor);
    const page = await context.newPage();
    const studyUrl = `${fx.server.url}/w/${fx.workspaceId}/research/studies/${study.id}`;
    await page.goto(studyUrl);
    await page.getByTestId("survey-list").waitFor();

    const chinese = await importSurvey(
      page,
      { name: "问卷.csv", bytes: iconv.encode(CHINESE, "gb18030"), charset: "gb18030" },
      { 1: first!.name, 2: second!.name, 3: second!.name },
    );
    expect(chinese).toContain("8 answers kept, from 3 respondents");
    expect(chinese).toContain("Every answer was kept.");

    const russian = await importSurvey(
      page,
      { name: "опрос.csv", bytes: iconv.encode(RUSSIAN, "windows-1251"), charset: "windows-1251" },
      { 1: third!.name, 2: third!.name },
    );
    expect(russian).toContain("2 answers or links were not kept");
    expect(russian).toContain("no participant of this study has this code");
    expect(russian).toContain("not a value of the question's scale");

    const rows = page.getByTestId("survey-row");
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain("опрос.csv");
    expect(await rows.last().innerText()).toContain("3 questions mapped, 3 on steps");

    // On the map: each step's scores in its research panel.
    const screen = new ResearchScreen(page);
    const editor = await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => screen.stepBadge(first!.id).getAttribute("data-survey-answers")).toBe("3");
    await screen.stepBadge(first!.id).click();
    const nps = screen.stepPanel.getByTestId("step-survey-nps");
    // 10 and 9 promote, 3 detracts: (2 − 1) / 3.
    await eventually(() => nps.innerText()).toContain("NPS +33.3");
    expect(await nps.innerText()).toContain("promoters 2 · passives 0 · detractors 1");
    await page.keyboard.press("Escape");
    await screen.stepPanel.waitFor({ state: "detached" });

    await screen.stepBadge(second!.id).click();
    await eventually(() => screen.stepPanel.getByTestId("step-survey-mean").innerText()).toContain("mean 3.67 on 1–5");
    const quotes = screen.stepPanel.getByTestId("step-survey-quote");
    // Newest first: the file's last respondents first.
    await eventually(() => quotes.allInnerTexts()).toEqual([
      expect.stringContaining("送货太慢了"),
      expect.stringContaining("付款很顺利"),
    ]);
    await page.keyboard.press("Escape");
    await screen.stepPanel.waitFor({ state: "detached" });

    await screen.stepBadge(third!.id).click();
    const third1251 = screen.stepPanel.getByTestId("step-survey-scores");
    await eventually(() => third1251.innerText()).toContain("mean 3 on 1–5");
    expect(await third1251.innerText()).toContain("Курьер опоздал");
    await page.keyboard.press("Escape");

    // Deleting the Russian survey removes its scores and quotes from the map; the Chinese one stays.
    await page.goto(studyUrl);
    const russianRow = page.getByTestId("survey-row").filter({ hasText: "опрос.csv" });
    await russianRow.getByTestId("delete-survey").click();
    await page.getByTestId("delete-survey-confirm").click();
    const deleted = page.getByTestId("survey-deleted");
    await eventually(() => deleted.innerText()).toContain("4 answers");
    expect(await deleted.innerText()).toContain("2 quotes");
    await page.getByRole("button", { name: "Close" }).click();
    await eventually(() => page.getByTestId("survey-row").count()).toBe(1);

    await editor.open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => screen.stepBadge(first!.id).getAttribute("data-survey-answers")).toBe("3");
    expect(await screen.stepBadge(third!.id).count()).toBe(0);
    await context.close();
  }, 180_000);
});
