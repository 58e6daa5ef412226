import { describe, expect, it } from "vitest";
import { guessMapping } from "./guessMapping.js";
import { ImportMappingSchema } from "./ImportMappingSchema.js";

describe("guessMapping", () => {
  it("reads pm4py/XES column names", () => {
    const m = guessMapping(
      ["column1", "case:concept:name", "concept:name", "time:timestamp", "Activity", "org:resource"],
      [],
    );
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
    expect(guessMapping(["邮箱", "时间", "事件", "评论"], []).columns).toEqual({
      邮箱: { role: "identifier", kind: "email" },
      时间: { role: "timestamp" },
      事件: { role: "event" },
      评论: { role: "text" },
    });
    expect(guessMapping(["телефон", "дата", "событие", "отзыв"], []).columns).toMatchObject({
      телефон: { role: "identifier", kind: "phone" },
      дата: { role: "timestamp" },
    });
    expect(guessMapping(["ایمیل", "زمان", "رویداد", "کانال"], []).columns).toMatchObject({
      ایمیل: { role: "identifier", kind: "email" },
      کانال: { role: "channel" },
    });
  });

  it("falls back to what the values look like", () => {
    const m = guessMapping(["a", "b", "c"], [["x@y.org", "2024-01-01 10:00", "Visit"]]);
    expect(m.columns).toEqual({
      a: { role: "identifier", kind: "email" },
      b: { role: "timestamp" },
      c: { role: "property" },
    });
  });
});
