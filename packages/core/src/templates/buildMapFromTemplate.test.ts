import { describe, expect, it } from "vitest";
import { BUILT_IN_CHANNELS } from "../catalogue/channels.js";
import { LOCALES } from "../locale.js";
import { MapSnapshotSchema } from "../schemas/journeyMap.js";
import { cardKindsForLane, LANE_TYPES } from "../schemas/lane.js";
import { validateSnapshotIntegrity } from "../document/upgradeSnapshot.js";
import { buildMapFromTemplate } from "./buildMapFromTemplate.js";
import { LANE_NAMES, LANE_PROMPTS } from "./laneNames.js";
import { listTemplates, TEMPLATES } from "./templateCatalogue.js";

const persian = /[\u0600-\u06FF]/;
const cjk = /[\u4e00-\u9fff]/;
const cyrillic = /[\u0400-\u04FF]/;

describe("templates", () => {
  it("are the eight of PRODUCT.md §4.4", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      "awareness-consideration-decision",
      "awareness-to-advocacy",
      "aida-retention",
      "moments-of-truth",
      "b2b-buying-committee",
      "ecommerce",
      "saas-onboarding",
      "service-blueprint",
    ]);
  });

  for (const template of TEMPLATES) {
    it(`${template.id} builds a whole, valid map in every language`, () => {
      for (const locale of LOCALES) {
        const snapshot = buildMapFromTemplate(template.id, { locale });
        expect(MapSnapshotSchema.parse(snapshot)).toEqual(snapshot);
        validateSnapshotIntegrity(snapshot);
        expect(snapshot.settings).toMatchObject({
          locale,
          type: template.mapType,
          templateId: template.id,
          title: template.name[locale],
        });
        expect(snapshot.lanes.map((l) => l.type)).toEqual(template.lanes);
        expect(snapshot.stages.length).toBeGreaterThan(0);
        for (const cell of snapshot.cells) {
          const lane = snapshot.lanes.find((l) => l.id === cell.laneId)!;
          for (const card of cell.cards) expect(cardKindsForLane(lane.type)).toContain(card.kind);
        }
      }
    });

    it(`${template.id} is really translated`, () => {
      const names = (locale: (typeof LOCALES)[number]) => [
        template.name[locale],
        ...template.stages.flatMap((s) => [s.name[locale], ...s.steps.map((st) => st.name[locale])]),
      ];
      expect(names("fa").every((n) => persian.test(n))).toBe(true);
      expect(names("ru").every((n) => cyrillic.test(n) || /^[A-Z]+/.test(n))).toBe(true);
      expect(names("zh-Hans").every((n) => cjk.test(n) || /^[A-Z]+/.test(n))).toBe(true);
      expect(names("zh-Hant")).not.toEqual(names("zh-Hans"));
      expect(names("en")).not.toEqual(names("ru"));
    });
  }

  it("puts ZMOT to TMOT markers in the moments-of-truth template and failure and wait points in the blueprint", () => {
    const mot = buildMapFromTemplate("moments-of-truth", { locale: "en" });
    const moments = mot.cells.flatMap((c) => c.cards).flatMap((c) => (c.kind === "momentOfTruth" ? [c.moment] : []));
    expect(moments).toEqual(["ZMOT", "FMOT", "SMOT", "TMOT"]);
    const blueprint = buildMapFromTemplate("service-blueprint", { locale: "en" });
    const processes = blueprint.cells.flatMap((c) => c.cards).filter((c) => c.kind === "process");
    expect(processes.some((p) => p.kind === "process" && p.failurePoint)).toBe(true);
    expect(processes.some((p) => p.kind === "process" && p.waitPoint)).toBe(true);
  });

  it("stores no lane prompt as a card: the editor shows prompts as placeholders, so they are never exported", () => {
    for (const template of TEMPLATES)
      for (const locale of LOCALES) {
        const prompts = new Set(Object.values(LANE_PROMPTS).map((p) => p[locale]));
        const texts = buildMapFromTemplate(template.id, { locale })
          .cells.flatMap((c) => c.cards)
          .map((c) => ("text" in c ? c.text : "name" in c ? c.name : ""));
        expect(texts.filter((t) => prompts.has(t))).toEqual([]);
      }
  });

  it("marks each template's journey goal on one step, so what follows it is not counted as drop-off", () => {
    const goalOf = (id: string) =>
      buildMapFromTemplate(id, { locale: "en" })
        .steps.filter((s) => s.goal)
        .map((s) => s.name);
    expect(Object.fromEntries(TEMPLATES.map((t) => [t.id, goalOf(t.id)]))).toEqual({
      "awareness-consideration-decision": ["Chooses a provider"],
      "awareness-to-advocacy": ["Pays"],
      "aida-retention": ["Buys or signs up"],
      "moments-of-truth": ["Meets the product"],
      "b2b-buying-committee": ["Procurement signs"],
      ecommerce: ["Pays"],
      "saas-onboarding": ["Completes the first task"],
      "service-blueprint": ["Pays and leaves feedback"],
    });
    expect(buildMapFromTemplate("ecommerce", { locale: "fa" }).steps.find((s) => s.goal)?.name).toBe("پرداخت می‌کند");
  });

  it("lists the gallery in the chosen language", () => {
    const ru = listTemplates("ru");
    expect(ru).toHaveLength(8);
    expect(ru.find((t) => t.id === "ecommerce")).toMatchObject({ name: "Покупка в интернет-магазине", stepCount: 8 });
  });

  it("uses the given title and personas, and refuses an unknown template", () => {
    const s = buildMapFromTemplate("ecommerce", { locale: "en", title: "My map", personaIds: ["p1"] });
    expect(s.settings).toMatchObject({ title: "My map", personaIds: ["p1"] });
    expect(() => buildMapFromTemplate("nope", { locale: "en" })).toThrow('unknown template "nope"');
  });
});

describe("catalogues", () => {
  it("name every lane type and every channel in all five languages", () => {
    for (const type of LANE_TYPES)
      for (const locale of LOCALES) expect(LANE_NAMES[type][locale].length).toBeGreaterThan(0);
    for (const channel of BUILT_IN_CHANNELS) {
      for (const locale of LOCALES) expect(channel.name[locale].length).toBeGreaterThan(0);
      expect(persian.test(channel.name.fa) || /^[A-Z]+$/.test(channel.name.fa)).toBe(true);
    }
  });

  it("lists online and offline channels from the articles with unique keys", () => {
    const keys = BUILT_IN_CHANNELS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        "website",
        "email",
        "sms",
        "live-chat",
        "store",
        "pos",
        "phone",
        "tv",
        "radio",
        "review-sites",
        "search-ads",
      ]),
    );
    expect(BUILT_IN_CHANNELS.find((c) => c.key === "store")!.online).toBe(false);
  });
});
