import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  generateJourneyEvents,
  JOURNEY_MAPPINGS,
  type JourneyDataTruth,
} from "../../../../bench/generateJourneyEvents.js";
import { importEvents } from "../importers/importEvents.js";
import { deleteSource } from "../sources/deleteSource.js";
import { openTestWorkspace, type TestWorkspace } from "../importers/testing/testWorkspace.js";
import { findCustomerByIdentifier, getCustomerMergeLog, getIdentityCounts } from "./identityQueries.js";

type SourceName = "web" | "crm" | "support" | "survey";

async function importAll(t: TestWorkspace, truth: JourneyDataTruth, order: SourceName[]) {
  const results = [];
  for (const name of order)
    results.push(
      await importEvents(t.db, {
        path: truth.files[name]!,
        source: { name, kind: name },
        mapping: JOURNEY_MAPPINGS[name],
        rebuildStore: false,
      }),
    );
  return results;
}

/** Each expected piece must be exactly one stitched customer and each customer exactly one piece. */
async function partition(
  t: TestWorkspace,
  truth: JourneyDataTruth,
): Promise<{ pieces: number; customers: number; mismatched: number }> {
  const rows = (await t.query("SELECT kind, value, customer_id FROM identities")) as Array<[string, string, number]>;
  const customerOfPiece = new Map<number, number>();
  const pieceOfCustomer = new Map<number, number>();
  let mismatched = 0;
  for (const [kind, value, customer] of rows) {
    const piece = truth.owner!.get(`${kind}:${value}`);
    if (piece === undefined) {
      mismatched++;
      continue;
    }
    if ((customerOfPiece.get(piece) ?? customer) !== customer || (pieceOfCustomer.get(customer) ?? piece) !== piece)
      mismatched++;
    customerOfPiece.set(piece, customer);
    pieceOfCustomer.set(customer, piece);
  }
  return { pieces: customerOfPiece.size, customers: pieceOfCustomer.size, mismatched };
}

describe("stitching generated journeys with known answers", () => {
  let truth: JourneyDataTruth;
  let t: TestWorkspace;
  beforeAll(async () => {
    t = await openTestWorkspace();
    truth = await generateJourneyEvents({
      customers: 8000,
      outDir: join(t.dir, "journeys"),
      seed: 7,
      collectTruth: true,
    });
  });
  afterAll(() => t.dispose());

  it("web cookies, CRM e-mails, support phones and survey e-mails become the expected customers", async () => {
    const results = await importAll(t, truth, ["web", "crm", "support", "survey"]);
    expect(results.map((r) => r.eventsStored)).toEqual([
      truth.eventsByFile.web,
      truth.eventsByFile.crm,
      truth.eventsByFile.support,
      truth.eventsByFile.survey,
    ]);
    const counts = await getIdentityCounts(t.db.connection);
    expect([counts.customers, counts.identifiers, counts.events]).toEqual([
      truth.expectedCustomers,
      truth.owner!.size,
      truth.events,
    ]);
    expect(await partition(t, truth)).toEqual({
      pieces: truth.expectedCustomers,
      customers: truth.expectedCustomers,
      mismatched: 0,
    });
  });

  it("placeholder identifiers shared by thousands join no one and are reported", async () => {
    const web = await importEvents(t.db, {
      path: truth.files.web!,
      source: { name: "web again" },
      mapping: { ...JOURNEY_MAPPINGS.web, duplicates: "keep" },
      rebuildStore: false,
    });
    const junkEmail = web.junk.find((j) => j.value === "test@test.com");
    expect(junkEmail?.count).toBeGreaterThan(100);
    const [[support]] = (await t.query("SELECT summary->'junk' FROM imports WHERE file_name = 'support.csv'")) as [
      [string],
    ];
    const junkPhone = (JSON.parse(support) as Array<{ kind: string; value: string; count: number }>).find(
      (j) => j.value === "0000000000",
    );
    expect(junkPhone?.count).toBeGreaterThan(500);
    expect(await t.query("SELECT count(*) FROM identities WHERE value IN ('test@test.com', '0000000000')")).toEqual([
      [0n],
    ]);
    // The second copy of the web source adds events, not customers.
    expect((await getIdentityCounts(t.db.connection)).customers).toBe(truth.expectedCustomers);
  });

  it("the same data in another order, with the CRM as an XLSX workbook, gives the same customers", async () => {
    const other = await openTestWorkspace();
    try {
      const xlsx = await generateJourneyEvents({
        customers: 8000,
        outDir: join(other.dir, "journeys"),
        seed: 7,
        crmFormat: "xlsx",
      });
      expect(xlsx.files.crm).toMatch(/crm\.xlsx$/);
      expect(xlsx.expectedCustomers).toBe(truth.expectedCustomers);
      await importAll(other, { ...truth, files: { ...truth.files, crm: xlsx.files.crm! } }, [
        "survey",
        "support",
        "crm",
        "web",
      ]);
      expect(await partition(other, truth)).toEqual({
        pieces: truth.expectedCustomers,
        customers: truth.expectedCustomers,
        mismatched: 0,
      });
      const merges = (await other.query("SELECT count(*) FROM merge_log")) as [[bigint]];
      expect(Number(merges[0][0])).toBe(truth.owner!.size - truth.expectedCustomers);
    } finally {
      other.dispose();
    }
  });

  it("the same data in the same order gives identical customer ids (deterministic)", async () => {
    const a = await openTestWorkspace();
    const b = await openTestWorkspace();
    try {
      await importAll(a, truth, ["crm", "web"]);
      await importAll(b, truth, ["crm", "web"]);
      const sql = "SELECT kind, value, customer_id FROM identities ORDER BY kind, value";
      expect(await a.query(sql)).toEqual(await b.query(sql));
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});

describe("a chain across three sources, explained by the merge log", () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await openTestWorkspace();
    await importEvents(t.db, {
      path: t.file(
        "web.csv",
        "cookie_id,email,timestamp,event\nck-1,,2024-01-01T10:00:00Z,page_view\nck-1,Lena@Example.org,2024-01-01T10:05:00Z,login\n",
      ),
      source: { name: "Web" },
      mapping: {
        columns: {
          cookie_id: { role: "identifier", kind: "cookie" },
          email: { role: "identifier", kind: "email" },
          timestamp: { role: "timestamp" },
          event: { role: "event" },
        },
      },
    });
    await importEvents(t.db, {
      path: t.file(
        "crm.csv",
        "email,phone,created,event,plan\nlena@example.org,+49 (30) 555-0101,2024-01-02 09:00:00,account_created,pro\n",
      ),
      source: { name: "CRM" },
      mapping: {
        columns: {
          email: { role: "identifier", kind: "email" },
          phone: { role: "identifier", kind: "phone" },
          created: { role: "timestamp" },
          event: { role: "event" },
          plan: { role: "attribute" },
        },
      },
    });
    await importEvents(t.db, {
      path: t.file("support.csv", "phone,opened,event\n4930 5550101,03/01/2024 08:00,ticket_opened\n"),
      source: { name: "Support" },
      mapping: {
        columns: {
          phone: { role: "identifier", kind: "phone" },
          opened: { role: "timestamp" },
          event: { role: "event" },
        },
        timestampFormat: "dmy",
      },
    });
  });
  afterEach(() => t.dispose());

  it("a cookie on the web, an e-mail in the CRM and a phone in support are one customer", async () => {
    const customer = await findCustomerByIdentifier(t.db.connection, "cookie", "ck-1");
    expect(await findCustomerByIdentifier(t.db.connection, "email", " LENA@example.org")).toBe(customer);
    expect(await findCustomerByIdentifier(t.db.connection, "phone", "+49 30 5550101")).toBe(customer);
    expect(await t.query("SELECT count(*), count(DISTINCT customer_id) FROM events")).toEqual([[4n, 1n]]);
    expect(await t.query("SELECT attributes::VARCHAR FROM customers")).toEqual([['{"plan":"pro"}']]);
    const log = await getCustomerMergeLog(t.db.connection, customer!);
    expect(log.map((m) => m.reason)).toEqual([
      'row 2 of web.csv (source "Web") has both cookie "ck-1" and email "lena@example.org"',
      'row 1 of crm.csv (source "CRM") has both email "lena@example.org" and phone "49305550101"',
    ]);
  });

  it("deleting the source that joined them splits the customer again", async () => {
    const crm = (await t.query("SELECT source_id FROM sources WHERE name = 'CRM'")) as [[string]];
    expect(await deleteSource(t.db, crm[0][0], { rebuildStore: false })).toBe(true);
    expect(await t.query("SELECT count(*) FROM customers")).toEqual([[2n]]);
    expect(await t.query("SELECT count(*) FROM merge_log")).toEqual([[1n]]);
    expect(await t.query("SELECT count(*) FROM events")).toEqual([[3n]]);
  });

  it("an identifier over the cap can be left out of stitching instead of refusing the file", async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `ck-shared-${i},family@example.org,2024-02-01T10:00:00Z,login`,
    ).join("\n");
    const result = await importEvents(t.db, {
      path: t.file("family.csv", `cookie_id,email,timestamp,event\n${rows}\n`),
      source: { name: "Web" },
      limits: { onOverCap: "ignore" },
    });
    expect(result.ignoredIdentifiers).toEqual([
      { identId: expect.any(Number), kind: "email", value: "family@example.org", partnerKind: "cookie", partners: 120 },
    ]);
    // 120 cookies stay 120 customers; the earlier customer is untouched.
    expect(result.customers).toBe(1 + 120);
  });

  it("an identifier that meets more identifiers than the cap, but no more than the cap of any one kind, still links", async () => {
    // The shared phone meets 60 cookies and 60 e-mails: 120 partners in all, 60 of each kind, under the cap of 100.
    const rows = Array.from(
      { length: 60 },
      (_, i) => `ck-house-${i},member${i}@example.org,+49 30 5550199,2024-03-01T10:00:00Z,login`,
    ).join("\n");
    const mapping = {
      columns: {
        cookie_id: { role: "identifier", kind: "cookie" },
        email: { role: "identifier", kind: "email" },
        phone: { role: "identifier", kind: "phone" },
        timestamp: { role: "timestamp" },
        event: { role: "event" },
      },
    } as const;
    const result = await importEvents(t.db, {
      path: t.file("house.csv", `cookie_id,email,phone,timestamp,event\n${rows}\n`),
      source: { name: "House" },
      mapping,
    });
    expect(result.ignoredIdentifiers).toEqual([]);
    const customer = await findCustomerByIdentifier(t.db.connection, "phone", "+49 30 5550199");
    expect(await t.query(`SELECT count(*) FROM identities WHERE customer_id = ${customer}`)).toEqual([[121n]]);
  });

  it("skipped rows without a usable identifier leave no gap in the records, which follow the file's order", async () => {
    const [[before]] = (await t.query("SELECT max(record_id) FROM records")) as [[bigint]];
    const csv =
      "email,timestamp,event\nb@example.org,2024-03-01T10:00:00Z,visit\nnull,2024-03-01T10:01:00Z,visit\na@example.org,2024-03-01T10:02:00Z,visit\nb@example.org,2024-03-01T10:03:00Z,visit\n";
    const result = await importEvents(t.db, {
      path: t.file("gaps.csv", csv),
      source: { name: "Gaps" },
      mapping: {
        columns: {
          email: { role: "identifier", kind: "email" },
          timestamp: { role: "timestamp" },
          event: { role: "event" },
        },
        rowsWithoutIdentifier: "skip",
      },
    });
    expect([result.eventsStored, result.rowsWithoutIdentifierSkipped]).toEqual([3, 1]);
    const records = await t.query(
      `SELECT r.record_id - ${before}, r.row_number, k.value FROM records r JOIN record_identifiers USING (record_id) JOIN identifier_keys k USING (ident_id) WHERE r.import_id = '${result.importId}' ORDER BY r.record_id`,
    );
    expect(records).toEqual([
      [1n, 1n, "b@example.org"],
      [2n, 3n, "a@example.org"],
    ]);
    expect(
      await t.query(
        `SELECT row_number, record_id - ${before} FROM events WHERE import_id = '${result.importId}' ORDER BY row_number`,
      ),
    ).toEqual([
      [1n, 1n],
      [3n, 2n],
      [4n, 1n],
    ]);
  });
});
