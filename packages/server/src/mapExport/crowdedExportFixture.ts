import type { Idea, IdeaLink, Locale } from "@opencjm/core";
import { templateExportInput } from "./exportFixtures.js";
import type { ExportInput } from "./ExportInput.js";

/** An idea linked to a step of the input's map, as the API presents it. */
export function fixtureIdea(input: ExportInput, title: string, stepIndex: number, extra: Partial<Idea> = {}): Idea {
  const step = input.snapshot.steps[stepIndex]!;
  const link: IdeaLink = {
    mapId: input.map.id,
    mapTitle: input.map.title,
    cardId: null,
    stepId: step.id,
    laneId: null,
    stageId: step.stageId,
    kind: "step",
    label: step.name,
    missing: false,
  };
  return {
    id: `idea_${title}`,
    workspaceId: "ws",
    title,
    description: "",
    ownerId: null,
    ownerName: null,
    tags: [],
    status: "new",
    anchors: [link],
    steps: [],
    touchpointIds: [],
    kpiIds: [],
    ice: null,
    iceScore: null,
    rice: null,
    riceScore: null,
    matrix: null,
    history: [],
    shippedAt: null,
    createdBy: "u",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

/** A sentence long enough to wrap several times in a table cell, in each language's script. */
const LONG: Record<Locale, string> = {
  en: "The customer compares delivery options and prices across several shops before deciding whether to order now or later",
  ru: "Покупатель сравнивает варианты доставки и цены в нескольких магазинах, прежде чем решить, заказывать сейчас или позже",
  "zh-Hant": "顧客在決定現在還是以後下單之前，會比較多家商店的配送方式和價格，並閱讀評價和退貨政策",
  "zh-Hans": "顾客在决定现在还是以后下单之前，会比较多家商店的配送方式和价格，并阅读评价和退货政策",
  fa: "مشتری پیش از تصمیم به سفارش، گزینه‌های ارسال و قیمت‌ها را در چند فروشگاه مقایسه می‌کند و نظرها را می‌خواند",
};

/** How many ideas the crowded fixture puts on its first stage, each owned by `Owner{n}`. */
export const CROWDED_IDEAS = 30;

/**
 * A template map in one language whose tables cannot fit one slide or page: a long description on every stage and
 * step, long text on every card, and {@link CROWDED_IDEAS} ideas with long titles on its first stage.
 */
export function crowdedExportInput(locale: Locale): ExportInput {
  const input = templateExportInput(locale);
  const long = LONG[locale];
  const snapshot = {
    ...input.snapshot,
    stages: input.snapshot.stages.map((s, i) => ({ ...s, description: `${i + 1}. ${long}` })),
    steps: input.snapshot.steps.map((s, i) => ({ ...s, description: `${i + 1}. ${long} ${long}` })),
    cells: input.snapshot.cells.map((c) => ({
      ...c,
      cards: c.cards.map((card) => ("text" in card ? { ...card, text: `${long} ${long}` } : card)),
    })),
  };
  const crowded = { ...input, snapshot };
  crowded.ideas = Array.from({ length: CROWDED_IDEAS }, (_, i) =>
    fixtureIdea(crowded, `${i + 1}. ${long}`, 0, { id: `idea_${i}`, ownerName: `Owner${i + 1}` }),
  );
  return crowded;
}
