import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cardText, type MapSnapshot, type Touchpoint } from "@opencjm/core";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../testing/factories.js";
import { createTestApp, type TestApp } from "../testing/testApp.js";
import { testDialects } from "../testing/testDatabases.js";
import { quotedIn, RESEARCH_MAP_FILES, RESEARCH_MAPS, sourceTexts, textsNotKept } from "./researchMapFiles.js";
import { stringLeaves } from "./stringLeaves.js";

// The files map import refuses (named in importKeepsEveryText.test.ts); every other file makes the round trip.
const READ = RESEARCH_MAP_FILES.filter((p) => /\.(ojf|mmd)$/.test(p));

interface Imported {
  mapId: string;
  preview: { report: { dropped: Array<{ texts: string[] }>; notes: string[]; fromVersion: string | null } };
}
interface Envelope {
  exportedAt: string;
  map: { id: string; createdAt: string; updatedAt: string };
  snapshot: MapSnapshot;
  personas: unknown[];
  touchpoints: Touchpoint[];
}

/** The text of each paragraph and heading of a Markdown file as a reader sees it rendered (CommonMark). */
function renderedBlocks(markdown: string): string[] {
  return new MarkdownIt()
    .parse(markdown, {})
    .filter((t) => t.type === "inline")
    .map((t) =>
      (t.children ?? [])
        .map((c) => (c.type === "softbreak" || c.type === "hardbreak" ? "\n" : c.content))
        .join("")
        .split("\n")
        .map((l) => l.trim())
        .join("\n"),
    );
}

/** A text as Markdown renders it back: each line without the spaces around it. */
const asRendered = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => l.trim())
    .join("\n");

describe.each(testDialects)("maps written by other tools, round-tripped through our files on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;
  const as = () => ({ headers: ws.users.editor.headers });
  const maps = () => `/api/workspaces/${ws.id}/maps`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterAll(() => t.dispose());

  async function importFile(name: string, content: string): Promise<Imported> {
    const res = await t.request("POST", `${maps()}/import`, { ...as(), body: { name, content, encoding: "text" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as Imported;
  }
  async function exported(mapId: string, format: "json" | "md"): Promise<string> {
    const res = await t.app.request(`${maps()}/${mapId}/export?format=${format}&lang=en`, as());
    expect(res.status).toBe(200);
    return res.text();
  }
  /** A JSON export with what differs between two maps of the same content (the map's id and times) set aside. */
  const comparable = (file: Envelope) => ({
    ...file,
    exportedAt: "",
    map: { ...file.map, id: "", createdAt: "", updatedAt: "" },
  });

  for (const path of READ)
    it(`${path}: import, export as JSON, import and export again give the same file; every text is kept or reported`, async () => {
      const source = readFileSync(join(RESEARCH_MAPS, path), "utf8");
      const first = await importFile(path.split("/").pop()!, source);
      const firstFile = JSON.parse(await exported(first.mapId, "json")) as Envelope;

      const second = await importFile("map.json", JSON.stringify(firstFile));
      expect(second.preview.report.dropped, "our own file loses nothing").toEqual([]);
      const secondFile = JSON.parse(await exported(second.mapId, "json")) as Envelope;
      expect(comparable(secondFile)).toEqual(comparable(firstFile));

      // What the workspace stored (as its file says) and what the first import reported leaving out hold every text.
      const { report } = first.preview;
      const kept = [
        ...stringLeaves([firstFile.snapshot, firstFile.personas, firstFile.touchpoints]),
        report.fromVersion ?? "",
        ...report.dropped.flatMap((d) => d.texts),
        ...quotedIn(report.notes),
      ];
      expect(textsNotKept(sourceTexts(path, source), kept), path).toEqual([]);
    });

  for (const path of READ)
    it(`${path}: the Markdown export, rendered, reads every stage, step and card of the imported map as written`, async () => {
      const { mapId } = await importFile(path.split("/").pop()!, readFileSync(join(RESEARCH_MAPS, path), "utf8"));
      const { snapshot, touchpoints } = JSON.parse(await exported(mapId, "json")) as Envelope;
      const blocks = new Set(renderedBlocks(await exported(mapId, "md")));
      const missing = (texts: string[]) => texts.map(asRendered).filter((x) => !blocks.has(x));

      expect(snapshot.steps.length, path).toBeGreaterThan(0);
      expect(missing(snapshot.stages.map((s) => `Stage: ${s.name}`))).toEqual([]);
      expect(missing(snapshot.steps.map((s) => s.name))).toEqual([]);
      expect(
        missing([...snapshot.stages, ...snapshot.steps].flatMap((x) => (x.description ? [x.description] : []))),
      ).toEqual([]);
      const visible = new Set(snapshot.lanes.filter((l) => !l.hidden).map((l) => l.id as string));
      const cards = snapshot.cells.filter((c) => visible.has(c.laneId)).flatMap((c) => c.cards);
      expect(missing(cards.filter((k) => k.kind !== "touchpoint").map((k) => cardText(k, "en")))).toEqual([]);
      // A touchpoint card reads as its touchpoint's name and channel; what the touchpoint is, its list says once.
      const named = new Map(touchpoints.map((tp) => [tp.id as string, tp]));
      for (const card of cards)
        if (card.kind === "touchpoint") {
          const tp = named.get(card.touchpointId)!;
          expect(
            [...blocks].some((b) => b.startsWith(`${asRendered(tp.name)} (`)),
            tp.name,
          ).toBe(true);
          if (tp.description)
            expect(
              [...blocks].some((b) => b.endsWith(` — ${asRendered(tp.description)}`)),
              tp.description,
            ).toBe(true);
        }
    });
});
