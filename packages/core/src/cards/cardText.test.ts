import { describe, expect, it } from "vitest";
import { CardSchema, type CardContentInput, type CardKind } from "../schemas/lane.js";
import { cardText } from "./cardText.js";

const base = { id: "c1", order: "a0" };
// One card of every kind (a missing kind does not compile), with what each reads as in English.
const EVERY_KIND: { [K in CardKind]: [Extract<CardContentInput, { kind: K }>, string] } = {
  text: [{ kind: "text", text: "Note" }, "Note"],
  action: [{ kind: "action", text: "Searches" }, "Searches"],
  thought: [{ kind: "thought", text: "Is it safe?", question: true }, "Is it safe?"],
  touchpoint: [{ kind: "touchpoint", touchpointId: "tp_1", note: "slow" }, "Web shop (Website) — slow"],
  channel: [{ kind: "channel", channelId: "ch_1" }, "Website"],
  quote: [{ kind: "quote", text: "Too slow", participant: "P3", source: "Interview" }, "“Too slow” — P3, Interview"],
  painPoint: [{ kind: "painPoint", text: "Card declined", severity: 4 }, "Card declined [4/5]"],
  opportunity: [{ kind: "opportunity", text: "Wallets" }, "Wallets"],
  kpi: [{ kind: "kpi", name: "NPS", unit: "pts", actual: 31, target: 40 }, "NPS: 31 pts, target 40 pts"],
  stakeholder: [{ kind: "stakeholder", name: "Ana", role: "Support" }, "Ana (Support)"],
  expectation: [{ kind: "expectation", text: "Fast" }, "Fast"],
  risk: [{ kind: "risk", text: "Fraud" }, "Fraud"],
  momentOfTruth: [{ kind: "momentOfTruth", moment: "FMOT", note: "shelf" }, "FMOT — shelf"],
  duration: [{ kind: "duration", minutes: 15 }, "15 min"],
  process: [
    { kind: "process", text: "Checks stock", actor: "Warehouse", failurePoint: true, waitPoint: true },
    "Warehouse: Checks stock [Failure point, Wait point]",
  ],
  image: [{ kind: "image", url: "https://example.test/a.png", alt: "Shelf" }, "Shelf <https://example.test/a.png>"],
  link: [{ kind: "link", url: "https://example.test", title: "Study" }, "Study <https://example.test>"],
  data: [{ kind: "data", metric: "conversion", note: "from step 2" }, "conversion — from step 2"],
};

const names = {
  touchpoint: (id: string) => (id === "tp_1" ? { name: "Web shop", channel: "Website" } : undefined),
  channel: (id: string) => (id === "ch_1" ? "Website" : undefined),
};
const card = (kind: CardKind) => CardSchema.parse({ ...base, ...EVERY_KIND[kind][0] });

describe("cardText", () => {
  it.each(Object.keys(EVERY_KIND) as CardKind[])("reads a %s card as one line", (kind) => {
    expect(cardText(card(kind), "en", names)).toBe(EVERY_KIND[kind][1]);
  });

  it("shows ids when the workspace's names are not at hand", () => {
    expect(cardText(card("touchpoint"), "en")).toBe("tp_1 — slow");
    expect(cardText(card("channel"), "en")).toBe("ch_1");
  });

  it("names an uploaded picture instead of printing its data URL, in the reader's language", () => {
    const uploaded = (alt: string) =>
      CardSchema.parse({ ...base, kind: "image", url: `data:image/png;base64,${"A".repeat(1500)}`, alt });
    expect(cardText(uploaded("Shelf"), "en")).toBe("[picture: Shelf]");
    expect(cardText(uploaded(""), "en")).toBe("[picture]");
    expect(cardText(uploaded("Полка"), "ru")).toBe("[изображение: Полка]");
    expect(cardText(uploaded("قفسه"), "fa")).toBe("[تصویر: قفسه]");
    expect(cardText(uploaded(""), "zh-Hant")).toBe("[圖片]");
  });

  it("writes its few words in the reader's language, the screen's words", () => {
    expect(cardText(card("kpi"), "ru")).toBe("NPS: 31 pts, цель 40 pts");
    expect(cardText(card("duration"), "zh-Hant")).toBe("15 分鐘");
    expect(cardText(card("process"), "fa")).toBe("Warehouse: Checks stock [نقطهٔ شکست, نقطهٔ انتظار]");
  });
});
