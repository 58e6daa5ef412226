import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCustomerMergeLog } from "../stitching/identityQueries.js";
import { importEvents } from "./importEvents.js";
import type { ImportFormat } from "@opencjm/core";
import { SAMPLE_MAPPING, writeSample } from "./testing/sampleEvents.js";
import { openTestWorkspace, type TestWorkspace } from "./testing/testWorkspace.js";

const PM4PY = join(import.meta.dirname, "../../../../../shared/cjm-research-data/event-logs/pm4py");

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

/** The stored events as a user would list them: customer, UTC time, event, channel, score, kind, text. */
async function storedEvents() {
  const rows = await t.query(
    "SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M:%S'), event_name, channel, score, score_kind, text FROM events ORDER BY row_number",
  );
  return rows.map((r) => r.map((v) => (typeof v === "bigint" ? Number(v) : v)));
}

const EXPECTED = [
  [0, "2024-03-01 09:00:00", "Visited site", "web", null, null, null],
  [0, "2024-03-01 09:05:00", "Signed up", "web", null, null, null],
  [0, "2024-03-02 10:00:00", "Called support", "phone", 4, "csat", "Очень помогли, спасибо"],
  [1, "2024-03-03 11:30:00", "Visited site", "web", null, null, null],
  [1, "2024-03-04 12:00:00", "Answered survey", "survey", 9, "nps", "很好用"],
  [2, "2024-03-05 08:15:00", "Called support", "phone", 2, "ces", "پشتیبانی خوب بود"],
];

describe("every format imports the same events", () => {
  const formats: ImportFormat[] = ["csv", "tsv", "xlsx", "json", "ndjson", "parquet", "xes"];
  for (const format of formats) {
    it(`${format}: events, stitched customers, attributes and the merge that explains them`, async () => {
      const path = await writeSample(format, join(t.dir, `sample.${format}`));
      const mapping =
        format === "xes"
          ? {
              ...SAMPLE_MAPPING,
              columns: {
                ...Object.fromEntries(Object.entries(SAMPLE_MAPPING.columns).filter(([k]) => k !== "ts")),
                "time:timestamp": { role: "timestamp" as const },
              },
            }
          : SAMPLE_MAPPING;
      const result = await importEvents(t.db, { path, source: { name: "Sample", kind: "web" }, mapping });
      expect([result.format, result.rowsRead, result.eventsStored, result.customers, result.merges]).toEqual([
        format,
        6,
        6,
        3,
        1,
      ]);
      expect(await storedEvents()).toEqual(EXPECTED);
      const customers = await t.query("SELECT customer_id, attributes::VARCHAR FROM customers ORDER BY customer_id");
      expect(customers).toEqual([
        [0, '{"plan":"pro"}'],
        [1, '{"plan":"basic"}'],
        [2, "{}"],
      ]);
      const [merge] = await t.query(
        "SELECT customer_id, left_kind, left_value, right_kind, right_value, reason, row_number FROM merge_log",
      );
      expect(merge).toEqual([
        0,
        "email",
        "ana@example.com",
        "phone",
        "49301234567",
        `row 2 of sample.${format} has both`,
        2n,
      ]);
      expect((await getCustomerMergeLog(t.db.connection, 0)).map((m) => m.reason)).toEqual([
        `row 2 of sample.${format} (source "Sample") has both email "ana@example.com" and phone "49301234567"`,
      ]);
    });
  }
});

describe("the public pm4py event logs", () => {
  it("running-example.csv: 42 events of 6 cases and 8 activities, +01:00 offsets honoured", async () => {
    const result = await importEvents(t.db, {
      path: join(PM4PY, "running-example.csv"),
      source: { name: "Complaints" },
    });
    expect([result.mappingOrigin, result.rowsRead, result.eventsStored, result.customers]).toEqual([
      "guessed",
      42,
      42,
      6,
    ]);
    const [activities, first] = await t.row(
      "SELECT count(DISTINCT event_name), strftime(min(ts), '%Y-%m-%d %H:%M') FROM events",
    );
    expect([Number(activities), first]).toEqual([8, "2010-12-30 10:02"]);
    const [pete] = await t.row("SELECT strftime(ts, '%H:%M') FROM events WHERE row_number = 1");
    expect(pete).toBe("13:32"); // 14:32+01:00
  });

  it("running-example.xes gives the same journeys as the CSV", async () => {
    await importEvents(t.db, { path: join(PM4PY, "running-example.csv"), source: { name: "CSV" } });
    const csv = await t.query(
      "SELECT i.value, e.event_name, e.ts FROM events e JOIN identities i USING (customer_id) ORDER BY 1, 3, 2",
    );
    const other = await openTestWorkspace();
    try {
      const result = await importEvents(other.db, {
        path: join(PM4PY, "running-example.xes"),
        source: { name: "XES" },
      });
      expect([result.format, result.eventsStored, result.customers]).toEqual(["xes", 42, 6]);
      expect(
        await other.query(
          "SELECT i.value, e.event_name, e.ts FROM events e JOIN identities i USING (customer_id) ORDER BY 1, 3, 2",
        ),
      ).toEqual(csv);
    } finally {
      other.dispose();
    }
  });

  it("roadtraffic100traces.csv: 390 events of 100 cases and 10 activities", async () => {
    const result = await importEvents(t.db, {
      path: join(PM4PY, "roadtraffic100traces.csv"),
      source: { name: "Fines" },
    });
    expect([result.eventsStored, result.customers]).toEqual([390, 100]);
    const [activities] = await t.row("SELECT count(DISTINCT event_name) FROM events");
    expect(Number(activities)).toBe(10);
  });
});

describe("mappings and time zones", () => {
  it("a source keeps its mapping, so the next import needs none", async () => {
    const first = t.file("first.csv", "mail;when;what\na@x.org;2024-05-01 10:00;Visit\n");
    const mapping = {
      columns: {
        mail: { role: "identifier" as const, kind: "email" as const },
        when: { role: "timestamp" as const },
        what: { role: "event" as const },
      },
      timeZone: "Asia/Tehran",
    };
    await importEvents(t.db, { path: first, source: { name: "Shop" }, mapping });
    const second = t.file("second.csv", "mail;when;what\nb@x.org;2024-05-02 10:00;Visit\n");
    const result = await importEvents(t.db, { path: second, source: { name: "shop" } });
    expect([result.mappingOrigin, result.customers]).toEqual(["saved", 2]);
    // Tehran is UTC+03:30 all year since 2022.
    expect(await t.query("SELECT strftime(ts, '%Y-%m-%d %H:%M') FROM events ORDER BY ts")).toEqual([
      ["2024-05-01 06:30"],
      ["2024-05-02 06:30"],
    ]);
  });

  // Rows may be up to 16 MB; DuckDB's own default stops at 2 MB. A long text is also scored for sentiment, which once
  // took minutes on a text this long (analyzeSentiment.ts).
  it("a row holding a 3 MB transcript imports whole between ordinary rows, its sentiment scored", async () => {
    const transcript = "Я позвонил в поддержку, 我等了很久. ".repeat(50_000);
    const start = Date.parse("2024-03-01T09:00:00Z");
    const ordinary = (from: number) =>
      Array.from(
        { length: 50_000 },
        (_, i) => `c${i % 500},${new Date(start + (from + i) * 60_000).toISOString()},Visited site,\n`,
      ).join("");
    const path = t.file(
      "long.csv",
      `customer_id,ts,event,text\n${ordinary(0)}c1,2024-03-02T10:00:00Z,Called support,"${transcript}"\n${ordinary(50_000)}c2,2024-03-03T11:00:00Z,Paid,\n`,
    );
    const result = await importEvents(t.db, { path, source: { name: "Calls" } });
    expect(result.eventsStored).toBe(100_002);
    expect(await t.query("SELECT event_name, length(text)::INTEGER FROM events WHERE text IS NOT NULL")).toEqual([
      ["Called support", transcript.length],
    ]);
    expect(await t.query("SELECT event_name FROM events WHERE row_number = 100002")).toEqual([["Paid"]]);
  });

  it("day-first dates decided by the data, and dotted dates read day.month.year", async () => {
    const slashed = t.file("slashed.csv", "customer_id,date,event\n1,01/02/2024,a\n2,25/02/2024 13:45,b\n");
    await importEvents(t.db, { path: slashed, source: { name: "Slashed" } });
    const dotted = t.file("dotted.csv", "customer_id,date,event\n3,01.02.2024,a\n");
    await importEvents(t.db, { path: dotted, source: { name: "Dotted" } });
    expect(
      await t.query(
        "SELECT strftime(ts, '%Y-%m-%d %H:%M') FROM events ORDER BY source_id = (SELECT source_id FROM sources WHERE name = 'Dotted'), row_number",
      ),
    ).toEqual([["2024-02-01 00:00"], ["2024-02-25 13:45"], ["2024-02-01 00:00"]]);
  });

  it("epoch seconds and milliseconds, and an explicit strptime pattern", async () => {
    await importEvents(t.db, { path: t.file("s.csv", "user_id,time,event\nu1,1700000000,a\n"), source: { name: "S" } });
    await importEvents(t.db, {
      path: t.file("ms.csv", "user_id,time,event\nu2,1700000000123,a\n"),
      source: { name: "Ms" },
    });
    await importEvents(t.db, {
      path: t.file("p.csv", "user_id,time,event\nu3,2023|11|14 22h13,a\n"),
      source: { name: "P" },
      timestampFormat: "%Y|%m|%d %Hh%M",
    });
    expect(await t.query("SELECT strftime(ts, '%Y-%m-%d %H:%M:%S.%g') FROM events ORDER BY ts, row_number")).toEqual([
      ["2023-11-14 22:13:00.000"],
      ["2023-11-14 22:13:20.000"],
      ["2023-11-14 22:13:20.123"],
    ]);
  });

  // The importer computes values under names of its own (score_text, ts_text, id_0…): a file's columns called so
  // must stay properties, not stand in for the score, the timestamp or the identifiers.
  it("columns named like the importer's own working columns are read as what the mapping says", async () => {
    const path = t.file(
      "names.csv",
      "email,timestamp,event,score,score_text,ts_text,id_0,f0\n" +
        "a@x.org,2024-05-01T10:00:00Z,Survey,5,1,2020-01-01 00:00+05:00,zz,q\n" +
        "a@x.org,2024-05-01T11:00:00Z,Survey,4,2,1999-01-01,yy,r\n",
    );
    const result = await importEvents(t.db, {
      path,
      source: { name: "Names" },
      mapping: {
        columns: {
          email: { role: "identifier", kind: "email" },
          timestamp: { role: "timestamp" },
          event: { role: "event" },
          score: { role: "score", kind: "csat" },
        },
        otherColumns: "properties",
      },
    });
    expect([result.eventsStored, result.customers, result.identities]).toEqual([2, 1, 1]);
    expect(
      await t.query(
        "SELECT strftime(ts, '%Y-%m-%d %H:%M'), score, properties::VARCHAR FROM events ORDER BY row_number",
      ),
    ).toEqual([
      ["2024-05-01 10:00", 5, '{"score_text":"1","ts_text":"2020-01-01 00:00+05:00","id_0":"zz","f0":"q"}'],
      ["2024-05-01 11:00", 4, '{"score_text":"2","ts_text":"1999-01-01","id_0":"yy","f0":"r"}'],
    ]);
  });
});
