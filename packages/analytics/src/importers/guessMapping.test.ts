import { describe, expect, it } from "vitest";
import { guessMapping } from "./guessMapping.js";
import { ImportMappingSchema } from "@opencjm/core";

describe("guessMapping", () => {
  it("reads pm4py/XES column names", () => {
    const m = guessMapping(
      ["column1", "case:concept:name", "concept:name", "time:timestamp", "Activity", "org:resource"],
      [],
    ).mapping;
    expect(m.columns).toEqual({
      column1: { role: "property" },
      "case:concept:name": { role: "identifier", kind: "customerId" },
      "concept:name": { role: "event" },
      "time:timestamp": { role: "timestamp" },
      Activity: { role: "property" },
      "org:resource": { role: "property" },
    });
    expect(ImportMappingSchema.safeParse(m).success).toBe(true);
  });

  it("reads headers in Chinese, Russian and Persian", () => {
    expect(guessMapping(["邮箱", "时间", "事件", "评论"], []).mapping.columns).toEqual({
      邮箱: { role: "identifier", kind: "email" },
      时间: { role: "timestamp" },
      事件: { role: "event" },
      评论: { role: "text" },
    });
    expect(guessMapping(["телефон", "дата", "событие", "отзыв"], []).mapping.columns).toMatchObject({
      телефон: { role: "identifier", kind: "phone" },
      дата: { role: "timestamp" },
    });
    expect(guessMapping(["ایمیل", "زمان", "رویداد", "کانال"], []).mapping.columns).toMatchObject({
      ایمیل: { role: "identifier", kind: "email" },
      کانال: { role: "channel" },
    });
  });

  it("falls back to what the values look like", () => {
    const m = guessMapping(["a", "b", "c"], [["x@y.org", "2024-01-01 10:00", "Visit"]]).mapping;
    expect(m.columns).toEqual({
      a: { role: "identifier", kind: "email" },
      b: { role: "timestamp" },
      c: { role: "property" },
    });
  });

  it("of several date columns takes the event's time, whatever order they come in, and says so", () => {
    const header = ["deadline", "start_date", "customer", "when", "activity"];
    const rows = [
      ["2024-02-01", "2024-01-01", "c1", "2024-01-03 10:00", "Open"],
      ["2024-02-01", "2024-01-01", "c1", "2024-01-04 11:00", "Pay"],
      ["2024-03-01", "2024-01-02", "c2", "2024-01-05 09:00", "Open"],
      ["2024-03-01", "2024-01-02", "c2", "2024-01-09 09:30", "Close"],
    ];
    const { mapping, notes } = guessMapping(header, rows);
    expect(mapping.columns).toMatchObject({
      deadline: { role: "property" },
      start_date: { role: "property" },
      when: { role: "timestamp" },
    });
    expect(notes).toEqual([
      '"deadline" holds dates too; the event\'s time is taken from "when"',
      '"start_date" holds dates too; the event\'s time is taken from "when"',
    ]);
    // With no rows to tell by, the names decide: a deadline is never the event's time.
    expect(guessMapping(["deadline", "user", "timestamp"], []).mapping.columns.timestamp).toEqual({
      role: "timestamp",
    });
  });

  it("keeps a second customer-like column a property and says why", () => {
    const { mapping, notes } = guessMapping(["customer_id", "user_id", "email", "time", "event"], []);
    expect(mapping.columns).toMatchObject({
      customer_id: { role: "identifier", kind: "customerId" },
      user_id: { role: "property" },
      email: { role: "identifier", kind: "email" },
    });
    expect(notes).toEqual([
      expect.stringMatching(/^"user_id" also looks like a customerId identifier; it is kept as a property/),
    ]);
  });
});
