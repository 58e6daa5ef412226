import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEventDatabase, type EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import { insertEvents } from "../metrics/testing/insertEvents.js";
import { SENTIMENT_LANGUAGES } from "../sentiment/detectTextLanguage.js";
import { readJourneyStoreFile } from "./journeyStoreFile.js";
import { loadJourneyStore } from "./loadJourneyStore.js";
import { JOURNEY_STORE_FILE, rebuildJourneyStore } from "./rebuildJourneyStore.js";

const open: EventDatabase[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fileDb(): Promise<EventDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "cjm-store-"));
  dirs.push(dir);
  const db = await openEventDatabase(dir, "ws1");
  open.push(db);
  return db;
}

const events = [
  { customer: 1, at: "2024-03-01T10:00:05Z", name: "checkout", channel: "web" },
  { customer: 0, at: "2024-03-01T09:00:00Z", name: "visit", channel: "web", text: "Great service, thanks!" },
  { customer: 1, at: "2024-03-01T10:00:00Z", name: "visit", channel: "web" },
  {
    customer: 0,
    at: "2024-03-01T09:30:00.250Z",
    name: "survey",
    channel: null,
    score: 4,
    kind: "CSAT",
    text: "送货太慢了，我很失望",
  },
  {
    customer: 3,
    at: "2024-03-02T00:00:00Z",
    name: "visit",
    channel: "app",
    score: 9,
    kind: "nps",
    properties: { page: "/pricing" },
  },
  { customer: 3, at: "2024-03-02T00:00:01Z", name: "call", channel: "phone", score: 3, kind: "unknown-kind" },
];

describe("rebuildJourneyStore", () => {
  it("sorts events by customer and time with a per-customer offset index, dictionary-encodes names and channels", async () => {
    const db = await openEventDatabase(":memory:", "ws");
    open.push(db);
    await insertEvents(db, events);
    const store = await rebuildJourneyStore(db);
    expect(store.eventCount).toBe(6);
    expect(store.customerCount).toBe(4);
    expect([...store.offsets]).toEqual([0, 2, 4, 4, 6]);
    const names = [...store.key].map((k) => store.eventNames[store.keyName[k]!]);
    const channels = [...store.key].map((k) =>
      store.keyChannel[k]! < 0 ? null : store.channels[store.keyChannel[k]!],
    );
    expect(names).toEqual(["visit", "survey", "visit", "checkout", "visit", "call"]);
    expect(channels).toEqual(["web", null, "web", "web", "app", "phone"]);
    expect(store.ts[1]! - store.ts[0]!).toBe(30 * 60_000 + 250);
    expect(store.minTs).toBe(Date.parse("2024-03-01T09:00:00Z"));
    expect(store.maxTs).toBe(Date.parse("2024-03-02T00:00:01Z"));
    // Scores of unknown kind are not kept; kinds are matched case-insensitively.
    expect([...store.scorePos]).toEqual([1, 4]);
    expect([...store.scoreValue]).toEqual([4, 9]);
    expect([...store.scoreKind]).toEqual([0, 1]);
    expect([...store.textPos]).toEqual([0, 1]);
    const texts = [...store.textId].map((t) => store.texts()[t]);
    expect(texts).toEqual(["Great service, thanks!", "送货太慢了，我很失望"]);
    const langs = [...store.textId].map((t) => SENTIMENT_LANGUAGES[store.textLanguage[t]!]);
    expect(langs).toEqual(["en", "zh-Hans"]);
    expect(store.textSentiment[store.textId[0]!]).toBeGreaterThan(0);
    expect(store.textSentiment[store.textId[1]!]).toBeLessThan(0);
    expect(store.hasProperties).toBe(true);
    expect([...store.propertiesId()].map((p) => (p < 0 ? null : JSON.parse(store.properties()[p]!)))).toEqual([
      null,
      null,
      null,
      null,
      { page: "/pricing" },
      null,
    ]);
    expect(store.offsets.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("writes the store file atomically and a fresh load reads the same columns back", async () => {
    const db = await fileDb();
    await insertEvents(db, events);
    const built = await rebuildJourneyStore(db);
    expect(await loadJourneyStore(db)).toBe(built);
    const read = (await readJourneyStoreFile(join(db.dir, JOURNEY_STORE_FILE)))!.store;
    for (const column of [
      "offsets",
      "ts",
      "key",
      "keyName",
      "keyChannel",
      "scorePos",
      "scoreValue",
      "scoreKind",
      "textPos",
      "textId",
      "textSentiment",
      "textLanguage",
    ] as const) {
      expect([...read[column]], column).toEqual([...built[column]]);
    }
    expect(read.eventNames).toEqual(built.eventNames);
    expect(read.texts()).toEqual(built.texts());
    expect(read.properties()).toEqual(built.properties());
    expect([...read.propertiesId()]).toEqual([...built.propertiesId()]);
    expect(read.generation).toBe(built.generation);
  });

  it("loads the new store after a rebuild, and rebuilds a missing or outdated store file on load", async () => {
    const db = await fileDb();
    await insertEvents(db, events.slice(0, 3));
    const first = await loadJourneyStore(db);
    expect(first.eventCount).toBe(3);
    await insertEvents(db, events.slice(3));
    const second = await rebuildJourneyStore(db);
    expect(await loadJourneyStore(db)).toBe(second);
    expect(second.eventCount).toBe(6);
    writeFileSync(
      join(db.dir, JOURNEY_STORE_FILE),
      Buffer.concat([Buffer.from("CJMSTORE"), Buffer.from([2, 0, 0, 0]), Buffer.from("{}")]),
    );
    const rebuilt = await loadJourneyStore(db);
    expect(rebuilt.eventCount).toBe(6);
    expect(rebuilt.generation).not.toBe(second.generation);
  });

  it("builds an empty store for a workspace without events", async () => {
    const db = await fileDb();
    const store = await loadJourneyStore(db);
    expect(store.eventCount).toBe(0);
    expect(store.customerCount).toBe(0);
    expect([...store.offsets]).toEqual([0]);
    expect(Number.isNaN(store.minTs)).toBe(true);
  });
});
