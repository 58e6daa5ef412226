/// <reference lib="dom" />
import type { MapWithSnapshot } from "@opencjm/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { eventually, startEditorFixture, type EditorFixture } from "./mapEditorFixture.js";
import { RAW_KEY } from "./pages/appServer.js";
import { MapEditorPage } from "./pages/MapEditorPage.js";
import { ResearchScreen } from "./pages/ResearchScreen.js";

const STUDY = "Running shoe buyers, spring interviews";
/** What three participants said, in three languages and scripts. */
const NOTES = {
  P01: {
    title: "Interview with P01",
    text: "Before buying I compared prices on three sites.\nThe delivery cost only showed at the very end, which annoyed me.",
    quote: "compared prices on three sites",
  },
  P02: {
    title: "Интервью с P02",
    text: "Я долго сравнивала цены в разных магазинах.\nПотом сдалась и купила в первом.",
    quote: "сравнивала цены в разных магазинах",
  },
  P03: {
    title: "مصاحبه با P03",
    text: "اول در اینستاگرام کفش را دیدم.\nبعد به سایت فروشگاه رفتم.",
    quote: "در اینستاگرام کفش را دیدم",
  },
} as const;

describe("research in a real browser", () => {
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

  it("an editor creates a study, highlights three participants' notes onto steps, sees them beside the map, and erases a participant with every trace", async () => {
    const mapId = await fx.createMap({ templateId: "awareness-consideration-decision" });
    const { map, snapshot } = await fx.api<MapWithSnapshot>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    const [first, second] = snapshot.steps;
    const context = await fx.context(browser, fx.editor);
    const page = await context.newPage();
    const research = await new ResearchScreen(page).open(fx.server.url, fx.workspaceId);

    // A study informing the map, and its three pseudonymous participants (one with a name, kept as personal).
    await research.createStudy(STUDY, "Interview", [map.title]);
    await research.addParticipant("P01", "age band: 25–34", "Anna Example");
    await research.addParticipant("P02", "city: Kazan");
    await research.addParticipant("P03", "city: Tehran");
    expect(await research.participantRow("P01").locator("[data-personal]").innerText()).toContain("Anna Example");

    // Each participant's note, typed in their language, with a quote highlighted and tagged to a step.
    const steps = { P01: second!, P02: second!, P03: first! };
    for (const code of ["P01", "P02", "P03"] as const) {
      await research.addNote(code, NOTES[code].title, NOTES[code].text);
      await research.highlight(NOTES[code].quote, steps[code].name, code === "P03" ? "social" : "price, comparison");
      if (code !== "P03") await research.backToStudy(STUDY);
    }
    expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);

    // Beside the map: the compared-prices step holds two participants' words, the first step one.
    const editor = await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => research.stepBadge(second!.id).getAttribute("data-count")).toBe("2");
    await eventually(() => research.stepBadge(first!.id).getAttribute("data-count")).toBe("1");
    await research.stepBadge(second!.id).click();
    const panel = research.stepPanel;
    await eventually(() => panel.getByTestId("step-research-quote").count()).toBe(2);
    const panelText = await panel.innerText();
    for (const code of ["P01", "P02"] as const) {
      expect(panelText).toContain(code);
      expect(panelText).toContain(NOTES[code].quote);
    }
    expect(panelText).not.toContain("Anna Example");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });

    // Erasing P02 says what went, and every trace of them is gone: the map's panel, the search, the study.
    await research.open(fx.server.url, fx.workspaceId);
    await page.getByRole("link", { name: STUDY }).click();
    await research.participantRow("P02").getByTestId("erase-participant").click();
    await page.getByTestId("erase-confirm").click();
    const report = page.getByTestId("erasure-report");
    await eventually(() => report.innerText()).toContain("1 note");
    expect(await report.innerText()).toContain("1 highlight");
    await page.getByRole("button", { name: "Close" }).click();
    await eventually(() => research.participantRow("P02").count()).toBe(0);
    expect(await page.getByTestId("note-list").innerText()).not.toContain(NOTES.P02.title);

    const results = await research.search(fx.server.url, fx.workspaceId, "сравнивала");
    await eventually(() => page.getByTestId("search-total").innerText()).toContain("0 highlights");
    expect(await results.innerText()).not.toContain(NOTES.P02.quote);
    await research.search(fx.server.url, fx.workspaceId, "compared");
    await eventually(() => page.getByTestId("search-results").getByTestId("highlight-item").count()).toBe(1);

    await editor.open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => research.stepBadge(second!.id).getAttribute("data-count")).toBe("1");
    await research.stepBadge(second!.id).click();
    await eventually(() => research.stepPanel.getByTestId("step-research-quote").count()).toBe(1);
    const after = await research.stepPanel.innerText();
    expect(after).toContain(NOTES.P01.quote);
    expect(after).not.toContain(NOTES.P02.quote);
    expect(after).not.toContain("P02");
    await context.close();
  }, 180_000);

  it("participants' own journeys: two entered as mini-maps in the browser, one drafted from a highlight, seen on the map as '2 of 3' with their quotes, emotion spread and the quotes lane's highlights and survey answers, and a step they took added to the map", async () => {
    // A template with a quotes lane, where research highlights and survey answers show beside the cards.
    const mapId = await fx.createMap({ templateId: "ecommerce" });
    const { snapshot } = await fx.api<MapWithSnapshot>(
      fx.owner,
      "GET",
      `/api/workspaces/${fx.workspaceId}/maps/${mapId}`,
    );
    const [first, second] = snapshot.steps;
    const base = `/api/workspaces/${fx.workspaceId}/research`;
    const study = await fx.api<{ id: string }>(fx.owner, "POST", `${base}/studies`, {
      title: "Journeys of shoe buyers",
      method: "interview",
      mapIds: [mapId],
    });
    const ids: Record<string, string> = {};
    for (const code of ["J1", "J2", "J3"])
      ids[code] = (
        await fx.api<{ id: string }>(fx.owner, "POST", `${base}/participants`, { studyId: study.id, code })
      ).id;
    const text = "I saw the shoes on Instagram first.";
    const note = await fx.api<{ id: string }>(fx.owner, "POST", `${base}/notes`, {
      studyId: study.id,
      participantId: ids.J3,
      text,
    });
    await fx.api(fx.owner, "POST", `${base}/highlights`, {
      noteId: note.id,
      start: 0,
      end: text.length,
      anchors: [{ kind: "step", mapId, stepId: first!.id }],
    });

    const context = await fx.context(browser, fx.editor);
    const page = await context.newPage();
    const research = new ResearchScreen(page);
    await page.goto(`${fx.server.url}/w/${fx.workspaceId}/research/studies/${study.id}`);
    // J1 and J2 each enter their journey as a mini-map: the second step (feeling −2 and +3), then a step the map lacks.
    for (const [code, emotion, lacking] of [
      ["J1", "-2", "Asked a friend"],
      ["J2", "3", "asked a  friend"],
    ] as const) {
      const dialog = await research.openJourney(code);
      expect(await dialog.getByTestId("journey-source").getAttribute("data-source")).toBe("none");
      await dialog.getByRole("button", { name: "Add a step of the map" }).click();
      await dialog.getByRole("combobox", { name: "Step 1, of the map" }).selectOption({ label: second!.name });
      await dialog.getByRole("combobox", { name: "Emotion (−3 to +3)" }).selectOption(emotion);
      await dialog.getByRole("button", { name: "Add a step the map lacks" }).click();
      await dialog.getByRole("textbox", { name: "Step 2, which the map lacks" }).fill(lacking);
      await dialog.getByRole("button", { name: "Save journey" }).click();
      await eventually(() => dialog.getByTestId("journey-source").getAttribute("data-source")).toBe("entered");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    }
    // What J1 and J2 said at the second step (highlights of their notes), and a survey answer J1 gave about it.
    const said = { J1: "Prices differed on every site I checked.", J2: "I kept comparing sizes and prices." };
    for (const code of ["J1", "J2"] as const) {
      const spoken = await fx.api<{ id: string }>(fx.owner, "POST", `${base}/notes`, {
        studyId: study.id,
        participantId: ids[code],
        text: said[code],
      });
      await fx.api(fx.owner, "POST", `${base}/highlights`, {
        noteId: spoken.id,
        start: 0,
        end: said[code].length,
        anchors: [{ kind: "step", mapId, stepId: second!.id }],
      });
    }
    const survey = await fx.api<{ surveyId: string }>(fx.owner, "POST", `${base}/surveys/upload`, {
      studyId: study.id,
      fileName: "survey.csv",
      content: Buffer.from("Participant,What was hard?\nJ1,Shipping cost showed up too late\n").toString("base64"),
    });
    await fx.api(fx.owner, "POST", `${base}/surveys/${survey.surveyId}/mapping`, {
      questions: [{ column: 1, scale: "text", mapId, stepId: second!.id }],
      participantColumn: 0,
    });

    // On the map: two of the three went through the second step, feeling −2 and +3; the band and its legend show it.
    const editor = await new MapEditorPage(page).open(fx.server.url, fx.workspaceId, mapId);
    await eventually(() => research.stepBadge(second!.id).getAttribute("data-participants")).toBe("2");
    const band = page.locator(`[data-testid=research-band-step][data-step-id="${second!.id}"]`);
    await eventually(() => band.getAttribute("data-min")).toBe("-2");
    expect(await band.getAttribute("data-max")).toBe("3");
    expect(await page.getByTestId("emotion-kind-research").innerText()).toContain("Research");
    // The quotes lane of the step holds both highlights, with their participants' codes, and J1's survey answer.
    const quotesCell = editor.cell(await editor.laneIdOfType("quotes"), second!.id);
    await eventually(() => quotesCell.getByTestId("research-quote").count()).toBe(2);
    const lane = await quotesCell.innerText();
    for (const code of ["J1", "J2"] as const) {
      expect(lane).toContain(said[code]);
      expect(lane).toContain(code);
    }
    await eventually(() => quotesCell.getByTestId("survey-quote").innerText()).toContain(
      "Shipping cost showed up too late",
    );
    expect(await quotesCell.getByTestId("survey-quote").innerText()).toContain("J1 · What was hard?");
    // Its side panel: "2 of 3" with who they are, their emotion spread, their quotes and the survey answer.
    await research.stepBadge(second!.id).click();
    const panel = research.stepPanel;
    await eventually(() => panel.getByTestId("step-participants").innerText()).toBe("2 of 3 participants");
    expect(await panel.innerText()).toContain("J1, J2");
    expect(await panel.getByTestId("step-emotion-spread").innerText()).toBe(
      "They felt −2 to +3 here (mean +0.5, on −3 to +3).",
    );
    await eventually(() => panel.getByTestId("step-research-quote").count()).toBe(2);
    const panelText = await panel.innerText();
    for (const code of ["J1", "J2"] as const) expect(panelText).toContain(said[code]);
    expect(panelText).toContain("Shipping cost showed up too late");

    // The step both named, which the map lacks, is added after the second step, and counted there.
    const lacking = research.stepPanel.getByTestId("lacking-step");
    // Named as one of them wrote it first, spaces folded ("asked a  friend" and "Asked a friend" are one step).
    expect(await lacking.innerText()).toMatch(/asked a friend/i);
    // The grid draws only the columns near the screen, so the new step is found as the one not drawn before.
    const before = new Set(await editor.stepIds());
    await lacking.getByRole("button", { name: "Add to the map" }).click();
    await eventually(async () => (await editor.stepIds()).filter((id) => !before.has(id)).length).toBe(1);
    const added = (await editor.stepIds())[(await editor.stepIds()).indexOf(second!.id) + 1]!;
    expect(before.has(added)).toBe(false);
    await eventually(
      async () =>
        (await fx.api<MapWithSnapshot>(fx.owner, "GET", `/api/workspaces/${fx.workspaceId}/maps/${mapId}`)).snapshot
          .steps.length,
    ).toBe(snapshot.steps.length + 1);
    expect(await editor.stepHeader(added).innerText()).toMatch(/asked a friend/i);
    await eventually(() => research.stepBadge(added).getAttribute("data-participants")).toBe("2");
    expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
    await context.close();
  }, 180_000);

  it("in Persian, right to left: a refused upload says why and stores nothing; a Windows-1251 subtitle transcript becomes a note with its cue times", async () => {
    const base = `/api/workspaces/${fx.workspaceId}/research`;
    const study = await fx.api<{ id: string }>(fx.owner, "POST", `${base}/studies`, {
      title: "Магазины в Казани",
      method: "focusGroup",
    });
    await fx.api(fx.owner, "POST", `${base}/participants`, { studyId: study.id, code: "K1" });
    const context = await fx.context(browser, fx.editor, "fa-IR");
    const page = await context.newPage();
    // The language chosen on this device wins over the account's (English here).
    await page.addInitScript(() => localStorage.setItem("opencjm.locale", "fa"));
    await page.goto(`${fx.server.url}/w/${fx.workspaceId}/research/studies/${study.id}`);
    const composer = page.getByTestId("note-composer");
    await composer.waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await composer.getByTestId("note-mode-upload").click();

    // Not a transcript: the server's reason, in the reader's language, naming the file; no note is stored.
    await composer.getByTestId("note-file").setInputFiles({
      name: "notes.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "latin1"),
    });
    await composer.getByTestId("note-save").click();
    await eventually(() => composer.getByTestId("note-error").innerText()).toContain("notes.pdf");
    expect(await page.getByTestId("note-row").count()).toBe(0);

    // A SubRip file written in Windows-1251, the encoding chosen by hand.
    await composer.getByTestId("note-participant").selectOption({ label: "K1" });
    await composer.getByTestId("note-charset").selectOption("windows-1251");
    await composer.getByTestId("note-file").setInputFiles({
      name: "kazan.srt",
      mimeType: "application/x-subrip",
      buffer: windows1251(
        "1\r\n00:00:01,000 --> 00:00:04,000\r\nМодератор: Где вы покупаете обувь?\r\n\r\n" +
          "2\r\n00:01:05,500 --> 00:01:09,000\r\nАлия: Только там, где доставка бесплатная.\r\n",
      ),
    });
    await composer.getByTestId("note-save").click();
    const text = page.getByTestId("note-text-view");
    await eventually(() => text.innerText()).toContain("Только там, где доставка бесплатная.");
    const cues = await text.locator("[data-time]").evaluateAll((els) => els.map((el) => el.getAttribute("data-time")));
    expect(cues).toEqual(["0:01", "1:05"]);
    expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
    expect(await page.locator("body").innerText()).not.toMatch(/research\.[a-zA-Z]+/);
    await context.close();
  }, 120_000);
});

/** Russian text in Windows-1251 (Cyrillic А–я at 0xC0–0xFF, Ё/ё at 0xA8/0xB8), the way an older Windows editor saves it. */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === "Ё") return 0xa8;
      if (ch === "ё") return 0xb8;
      throw new Error(`no Windows-1251 byte for ${ch}`);
    }),
  );
}
