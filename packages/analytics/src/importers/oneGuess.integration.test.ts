import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importEvents } from "./importEvents.js";
import { previewFile } from "./previewFile.js";
import { openTestWorkspace, type TestWorkspace } from "./testing/testWorkspace.js";

let t: TestWorkspace;
beforeEach(async () => {
  t = await openTestWorkspace();
});
afterEach(() => t.dispose());

const TICKETS = [
  "deadline,opened,customer,logged,activity",
  "2024-02-01,2024-01-01,c1,2024-01-03 10:00,Open",
  "2024-02-01,2024-01-01,c1,2024-01-04 11:00,Reply",
  "2024-03-01,2024-01-02,c2,2024-01-05 09:00,Open",
  "2024-03-01,2024-01-02,c2,2024-01-09 09:30,Close",
].join("\n");

describe("the upload preview and an import without a mapping make one guess", () => {
  it("a log with a deadline, a start date and the event's time: both take the event's time", async () => {
    const path = join(t.dir, "tickets.csv");
    writeFileSync(path, `${TICKETS}\n`);
    const preview = await previewFile(path, { fileName: "tickets.csv", complete: true });
    const result = await importEvents(t.db, { path, source: { name: "Tickets" } });
    expect(preview.guessedMapping.columns.logged).toEqual({ role: "timestamp" });
    expect(result.mappingOrigin).toBe("guessed");
    expect(result.mapping.columns).toEqual(preview.guessedMapping.columns);
    expect(result.warnings).toEqual(preview.guessNotes);
    expect(preview.guessNotes).toContain('"deadline" holds dates too; the event\'s time is taken from "logged"');
  });

  it("a time column that is the same on every row of a customer is flagged before import, in both", async () => {
    const path = join(t.dir, "signups.csv");
    writeFileSync(
      path,
      [
        "customer_id,time,event",
        "c1,2024-01-01,Visit",
        "c1,2024-01-01,Buy",
        "c2,2024-01-02,Visit",
        "c2,2024-01-02,Leave",
      ].join("\n") + "\n",
    );
    const preview = await previewFile(path, { fileName: "signups.csv", complete: true });
    expect(preview.guessNotes).toEqual([
      expect.stringMatching(/^"time" has the same value on every row of each customer/),
    ]);
    const result = await importEvents(t.db, { path, source: { name: "Signups" } });
    expect(result.warnings).toEqual(preview.guessNotes);
  });
});
