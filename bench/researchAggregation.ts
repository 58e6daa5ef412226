// Benchmark (issue 15): a map's research view over 1,000 participants' journeys and 50,000 highlights, against loading
// the map alone. A 40-step × 20-lane map (bench/benchMap.ts), one interview study with BENCH_RESEARCH_PARTICIPANTS
// (1,000) participants, each with a note, a journey they entered over 15–30 of the map's steps (an emotion −3…+3 at
// each; one in ten also took a step the map lacks) and BENCH_RESEARCH_HIGHLIGHTS / participants (50) highlights
// anchored to steps of their journey. Data goes in with bulk SQL inserts, then the server is restarted so the first
// requests are cold. Timed through the API of a real server (SQLite, as self-hosting starts), as a newcomer meets it:
//   - the map alone: GET …/maps/{mapId} (what the editor loads);
//   - the research view: that GET together with GET …/research/maps/{mapId}/summary (per step counts, participants,
//     sentiment and newest quotes) and GET …/research/maps/{mapId}/journeys (participants per step, emotion spread,
//     steps the map lacks), in parallel as the editor fires them, until the last answer is in;
//   - opening one step's panel (the step with the most highlights): the summary and journeys asked again, as the
//     panel does, with the first page of that step's quotes (…/steps/{stepId}/quotes, 50);
//   - and, for comparison, the full list of the map's quotes (GET …/research/maps/{mapId}), what the editor fetched
//     before, once.
// Cold is the first request of a freshly started server (one server for the map alone, another for the research view
// followed at once by the panel); warm is the median of BENCH_RUNS (7). Results in
// bench/results/researchAggregation.json with the load average: the machine is shared, and its figures move with it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { LaneType, MapSnapshot } from "@opencjm/core";
import { loadConfig, startServer, type RunningServer } from "@opencjm/server";
import { createSession, createUser, createWorkspace } from "@opencjm/server/testing";
import { benchMap } from "./benchMap.js";

const PARTICIPANTS = Number(process.env.BENCH_RESEARCH_PARTICIPANTS ?? 1000);
const HIGHLIGHTS = Number(process.env.BENCH_RESEARCH_HIGHLIGHTS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TYPES: LaneType[] = ["actions", "thoughts", "painPoints", "opportunities", "expectations", "quotes"];
const PHRASES = [
  "I compared the prices on three sites before I trusted this one",
  "The form asked for my number twice and I nearly gave up",
  "我先问了朋友，他们说这个服务还不错",
  "Honestly the delivery estimate was the reason I ordered",
  "Мне пришлось звонить в поддержку, чтобы узнать статус",
  "پیدا کردن دکمه پرداخت برایم سخت بود",
];

/** A small deterministic generator (mulberry32), so every run inserts the same data. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stats(ms: number[]): { median: number; p90: number; min: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    p90: Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!),
    min: Math.round(sorted[0]!),
  };
}

const start = (dir: string) => startServer(loadConfig({}, { port: 0, host: "127.0.0.1", dataDir: dir }));

/** Inserts rows in chunks small enough for SQLite's limit on bound parameters. */
async function insertChunked<T extends Record<string, unknown>>(
  rows: T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perChunk) await insert(rows.slice(i, i + perChunk));
}

/** Fills the workspace: the map, a study, its participants with a note and journey each, and their highlights. */
async function generate(server: RunningServer): Promise<{ workspaceId: string; mapId: string; cookie: string }> {
  const { db, maps } = server.services;
  const owner = await createUser(db, { email: "bench@example.test", name: "Bench", password: "benchmark password" });
  const ws = await createWorkspace(db, { name: "Research bench", locale: "en", ownerId: owner.id });
  const session = await createSession(db, owner.id, 3600_000);
  const snapshot: MapSnapshot = benchMap("persona_bench", { laneTypes: TYPES, cardsPerCell: 1 });
  const map = await maps.create({ workspaceId: ws.id, createdBy: owner.id, snapshot });
  const steps = snapshot.steps;
  const at = new Date().toISOString();
  const random = seededRandom(15);
  const k = db.kysely;

  await k
    .insertInto("research_studies")
    .values({
      id: "study_bench",
      workspace_id: ws.id,
      title: "Checkout interviews",
      method: "interview",
      goal: "Why customers drop out before paying",
      starts_on: "2026-10-01",
      ends_on: "2026-11-30",
      persona_ids: JSON.stringify(["persona_bench"]),
      segment: "",
      map_ids: JSON.stringify([map.id]),
      created_by: owner.id,
      created_at: at,
      updated_at: at,
    })
    .execute();

  const participants = Array.from({ length: PARTICIPANTS }, (_, p) => ({
    id: `participant_${p}`,
    workspace_id: ws.id,
    study_id: "study_bench",
    code: `P${String(p + 1).padStart(4, "0")}`,
    attributes: JSON.stringify({ age: String(20 + (p % 50)) }),
    persona_id: "persona_bench",
    segment: "",
    consent_given: 1,
    consent_recorded_on: "2026-10-01",
    consent_note: "",
    personal_name: "",
    personal_email: "",
    personal_phone: "",
    personal_notes: "",
    created_at: at,
    updated_at: at,
  }));
  await insertChunked(participants, 500, (chunk) => k.insertInto("research_participants").values(chunk).execute());

  const noteText = PHRASES.join("\n");
  const notes = participants.map((p) => ({
    id: `note_${p.id}`,
    workspace_id: ws.id,
    study_id: "study_bench",
    participant_id: p.id,
    title: `Interview ${p.code}`,
    format: "typed",
    file_name: null,
    charset: null,
    text: noteText,
    segments: "[]",
    created_by: owner.id,
    created_at: at,
    updated_at: at,
  }));
  await insertChunked(notes, 500, (chunk) => k.insertInto("research_notes").values(chunk).execute());

  // Each journey: 15–30 of the map's steps in the map's order; every tenth participant also took a step it lacks.
  const journeyRows: Array<{
    workspace_id: string;
    participant_id: string;
    map_id: string;
    position: number;
    step_id: string | null;
    name: string;
    emotion: number;
    note: string;
    updated_at: string;
  }> = [];
  const journeys: string[][] = [];
  for (const [index, p] of participants.entries()) {
    const count = 15 + Math.floor(random() * 16);
    const chosen = steps
      .map((s) => ({ s, r: random() }))
      .sort((a, b) => a.r - b.r)
      .slice(0, count)
      .map((x) => x.s);
    const taken = steps.filter((s) => chosen.includes(s));
    journeys.push(taken.map((s) => s.id));
    const entries: Array<{ stepId: string | null; name: string }> = taken.map((s) => ({ stepId: s.id, name: s.name }));
    if (index % 10 === 0) entries.splice(3, 0, { stepId: null, name: "Asked a friend" });
    entries.forEach((e, position) =>
      journeyRows.push({
        workspace_id: ws.id,
        participant_id: p.id,
        map_id: map.id,
        position,
        step_id: e.stepId,
        name: e.name,
        emotion: Math.floor(random() * 7) - 3,
        note: "",
        updated_at: at,
      }),
    );
  }
  await insertChunked(journeyRows, 500, (chunk) => k.insertInto("research_journey_steps").values(chunk).execute());

  // Highlights: spans of the participant's note, each anchored to a step of their journey.
  const lineStarts = PHRASES.map((_, i) => PHRASES.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  const highlights = [];
  const anchors = [];
  const tags = [];
  for (let h = 0; h < HIGHLIGHTS; h++) {
    const p = h % PARTICIPANTS;
    const phrase = h % PHRASES.length;
    const journey = journeys[p]!;
    const stepId = journey[Math.floor(random() * journey.length)]!;
    const id = `highlight_${h}`;
    highlights.push({
      id,
      workspace_id: ws.id,
      study_id: "study_bench",
      note_id: notes[p]!.id,
      participant_id: participants[p]!.id,
      start_offset: lineStarts[phrase]!,
      end_offset: lineStarts[phrase]! + PHRASES[phrase]!.length,
      text: PHRASES[phrase]!,
      kind: h % 5 === 0 ? "insight" : "quote",
      insight: "",
      tags: JSON.stringify(["checkout"]),
      sentiment: Math.round((random() * 2 - 1) * 100) / 100,
      sentiment_auto: 0,
      sentiment_edited: 0,
      language: ["en", "en", "zh-Hans", "en", "ru", "fa"][phrase]!,
      search_text: PHRASES[phrase]!.toLowerCase(),
      created_by: owner.id,
      // Distinct times, as highlights made one after another; the map's research lists them in this order.
      created_at: new Date(Date.parse(at) - (HIGHLIGHTS - h) * 1000).toISOString(),
      updated_at: at,
    });
    const step = steps.find((s) => s.id === stepId)!;
    anchors.push({
      highlight_id: id,
      workspace_id: ws.id,
      position: 0,
      kind: "step",
      map_id: map.id,
      step_id: stepId,
      stage_id: step.stageId,
      card_id: null,
      idea_id: null,
      label: step.name,
    });
    tags.push({ highlight_id: id, workspace_id: ws.id, tag: "checkout" });
  }
  await insertChunked(highlights, 200, (chunk) => k.insertInto("research_highlights").values(chunk).execute());
  await insertChunked(anchors, 500, (chunk) => k.insertInto("research_highlight_anchors").values(chunk).execute());
  await insertChunked(tags, 500, (chunk) => k.insertInto("research_highlight_tags").values(chunk).execute());
  return { workspaceId: ws.id, mapId: map.id, cookie: session.cookie };
}

/** The map step with the most highlights anchored to it, read from the stopped server's database. */
async function busiestStep(dir: string, mapId: string): Promise<string> {
  const server = await start(dir);
  try {
    const rows = await server.services.db.kysely
      .selectFrom("research_highlight_anchors")
      .select(["step_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("map_id", "=", mapId)
      .groupBy("step_id")
      .orderBy("n", "desc")
      .limit(1)
      .execute();
    return rows[0]!.step_id!;
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-bench-research-"));
  const loadAtStart = loadavg()[0]!;
  try {
    let server = await start(dir);
    const started = performance.now();
    const { workspaceId, mapId, cookie } = await generate(server);
    const generatedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    console.log(
      `${PARTICIPANTS} participants' journeys and ${HIGHLIGHTS} highlights on a 40-step map inserted in ${generatedSeconds} s`,
    );
    await server.close();

    // The step the panel opens on: the one with the most highlights, as the bench generates them.
    const busiest = await busiestStep(dir, mapId);
    const urls = (s: RunningServer) => {
      const api = `${s.url}/api/workspaces/${workspaceId}`;
      return {
        map: `${api}/maps/${mapId}`,
        summary: `${api}/research/maps/${mapId}/summary`,
        journeys: `${api}/research/maps/${mapId}/journeys`,
        quotes: `${api}/research/maps/${mapId}/steps/${busiest}/quotes?limit=50`,
        fullList: `${api}/research/maps/${mapId}`,
      };
    };
    const get = async (url: string): Promise<{ ms: number; bytes: number; body: unknown }> => {
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie: `cjm_session=${cookie}` } });
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      return { ms: performance.now() - t, bytes: Buffer.byteLength(text), body: JSON.parse(text) as unknown };
    };
    /** Fires the requests at once, as the editor does; done when the last answer is in. */
    const together = async (...all: string[]): Promise<number> => {
      const t = performance.now();
      await Promise.all(all.map(get));
      return performance.now() - t;
    };
    const researchView = (u: ReturnType<typeof urls>) => together(u.map, u.summary, u.journeys);
    const openPanel = (u: ReturnType<typeof urls>) => together(u.summary, u.journeys, u.quotes);

    // Cold: a fresh server for the map alone, another for the research view and then the panel.
    server = await start(dir);
    const coldMapMs = (await get(urls(server).map)).ms;
    await server.close();
    server = await start(dir);
    try {
      const u = urls(server);
      const coldViewMs = await researchView(u);
      const coldPanelMs = await openPanel(u);
      const map: number[] = [];
      const view: number[] = [];
      const panel: number[] = [];
      const summary: number[] = [];
      const journeys: number[] = [];
      const quotes: number[] = [];
      let sizes = { map: 0, summary: 0, journeys: 0, quotesPage: 0, fullList: 0 };
      let answer = { stepsWithResearch: 0, highlightsCounted: 0, quotesOnPage: 0, participants: 0, unmapped: 0 };
      for (let run = 0; run < RUNS; run++) {
        const m = await get(u.map);
        map.push(m.ms);
        view.push(await researchView(u));
        panel.push(await openPanel(u));
        const s = await get(u.summary);
        summary.push(s.ms);
        const j = await get(u.journeys);
        journeys.push(j.ms);
        const q = await get(u.quotes);
        quotes.push(q.ms);
        sizes = { ...sizes, map: m.bytes, summary: s.bytes, journeys: j.bytes, quotesPage: q.bytes };
        const sb = s.body as { steps: Array<{ highlights: number }> };
        const jb = j.body as { participants: number; unmapped: unknown[] };
        answer = {
          stepsWithResearch: sb.steps.length,
          highlightsCounted: sb.steps.reduce((n, step) => n + step.highlights, 0),
          quotesOnPage: (q.body as { quotes: unknown[] }).quotes.length,
          participants: jb.participants,
          unmapped: jb.unmapped.length,
        };
      }
      const full = await get(u.fullList);
      sizes.fullList = full.bytes;
      const loadAtEnd = loadavg()[0]!;
      const result = {
        benchmark: "research aggregation",
        participants: PARTICIPANTS,
        highlights: HIGHLIGHTS,
        steps: 40,
        journeySteps: "15–30 of the map's steps per participant; every tenth also one step the map lacks",
        database: "SQLite",
        runs: RUNS,
        generatedSeconds,
        coldMs: {
          mapAlone: Math.round(coldMapMs),
          researchView: Math.round(coldViewMs),
          openStepPanel: Math.round(coldPanelMs),
        },
        warmMs: {
          mapAlone: stats(map),
          researchView: stats(view),
          openStepPanel: stats(panel),
          summaryAlone: stats(summary),
          journeysAggregatedAlone: stats(journeys),
          stepQuotesFirstPageAlone: stats(quotes),
          fullQuoteListOnce: Math.round(full.ms),
        },
        ratioColdViewToMap: Number((coldViewMs / coldMapMs).toFixed(1)),
        ratioWarmViewToMap: Number((stats(view).median / stats(map).median).toFixed(1)),
        responseBytes: sizes,
        answer,
        machine: {
          cores: availableParallelism(),
          loadAverage1mAtStart: Number(loadAtStart.toFixed(2)),
          loadAverage1mAtEnd: Number(loadAtEnd.toFixed(2)),
          note: "shared with other work while measured: compare the ratios, and the load average beside them",
        },
        node: process.version,
        measuredAt: new Date().toISOString(),
      };
      console.log(
        `cold: research view ${result.coldMs.researchView} ms against the map alone ${result.coldMs.mapAlone} ms (${result.ratioColdViewToMap}×); opening a step's panel ${result.coldMs.openStepPanel} ms`,
      );
      console.log(
        `warm (median of ${RUNS}): research view ${result.warmMs.researchView.median} ms against the map alone ${result.warmMs.mapAlone.median} ms (${result.ratioWarmViewToMap}×); panel ${result.warmMs.openStepPanel.median} ms; summary alone ${result.warmMs.summaryAlone.median} ms, journeys alone ${result.warmMs.journeysAggregatedAlone.median} ms, a page of quotes ${result.warmMs.stepQuotesFirstPageAlone.median} ms; the full list once ${result.warmMs.fullQuoteListOnce} ms`,
      );
      console.log(
        `answers: ${answer.highlightsCounted} highlights counted over ${answer.stepsWithResearch} steps (${Math.round(sizes.summary / 1024)} kB, the full list ${Math.round(sizes.fullList / 1024)} kB), ${answer.quotesOnPage} quotes on a page (${Math.round(sizes.quotesPage / 1024)} kB), ${answer.participants} participants and ${answer.unmapped} steps the map lacks (${Math.round(sizes.journeys / 1024)} kB), map ${Math.round(sizes.map / 1024)} kB — load ${result.machine.loadAverage1mAtStart} → ${result.machine.loadAverage1mAtEnd} on ${result.machine.cores} cores`,
      );
      mkdirSync("bench/results", { recursive: true });
      writeFileSync("bench/results/researchAggregation.json", `${JSON.stringify(result, null, 2)}\n`);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
