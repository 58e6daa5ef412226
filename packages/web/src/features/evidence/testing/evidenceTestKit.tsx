import { MetricsOptionsSchema, type MapMetrics, type StageMetrics, type StepMetrics } from "@opencjm/core";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import type { UiLocale } from "../../../i18n/locales.js";
import { loadTestMessages } from "../../cells/testing/renderCell.js";
import { EvidenceContext, type EvidenceState } from "../map/EvidenceContext.js";
import { evidenceCues } from "../map/evidenceCues.js";

/** Renders UI in a language with the real catalogue (Persian right to left). */
export function renderIn(ui: ReactNode, locale: UiLocale = "en") {
  document.documentElement.dir = locale === "fa" ? "rtl" : "ltr";
  return render(<StaticI18nProvider i18n={createI18n(locale, loadTestMessages(locale))}>{ui}</StaticI18nProvider>);
}

const none = { count: 0, mean: null };

/** One step's metrics with sensible empty defaults. */
export function stepMetrics(
  fields: Partial<StepMetrics> & Pick<StepMetrics, "stepId" | "name" | "level" | "customers">,
): StepMetrics {
  return {
    stageId: "stage",
    touchpointIds: [],
    events: fields.customers,
    share: null,
    conversion: null,
    timeSpent: { totalMs: 0, perCustomerMs: null },
    scores: { csat: none, nps: { ...none, score: null }, ces: none },
    emotion: { value: null, source: null },
    sentiment: { count: 0, mean: null, languages: {}, quotes: [] },
    skipped: 0,
    revisits: 0,
    ...fields,
  };
}

/** One stage's metrics with empty scores, sentiment and back steps. */
function stageMetrics(fields: Pick<StageMetrics, "stageId" | "name" | "customers" | "events" | "share">): StageMetrics {
  return {
    conversion: null,
    timeSpent: { totalMs: 0, perCustomerMs: null },
    scores: { csat: none, nps: { ...none, score: null }, ces: none },
    emotion: { value: null, source: null },
    sentiment: { count: 0, mean: null, languages: {} },
    backSteps: 0,
    backStepCustomers: 0,
    loops: 0,
    loopCustomers: 0,
    ...fields,
  };
}

/** A shop journey measured on 1,000 customers: home → product → checkout, with drop-off, scores and quotes. */
export function shopMetrics(): MapMetrics {
  const conversion = (converted: number, of: number, medianMs: number) => ({
    nextIds: [],
    converted,
    rate: converted / of,
    dropOff: of - converted,
    dropOffRate: 1 - converted / of,
    timeToNext: { count: converted, medianMs, p90Ms: medianMs * 2 },
  });
  const steps = [
    stepMetrics({
      stepId: "home",
      stageId: "visit",
      name: "Home",
      level: 0,
      customers: 1000,
      share: 1,
      conversion: conversion(600, 1000, 300_000),
    }),
    stepMetrics({
      stepId: "product",
      stageId: "visit",
      name: "Product",
      level: 1,
      customers: 600,
      share: 0.6,
      conversion: conversion(150, 600, 7_200_000),
      emotion: { value: 1.5, source: "scores" },
      scores: { csat: { count: 40, mean: 4.25 }, nps: { count: 0, mean: null, score: null }, ces: none },
    }),
    stepMetrics({
      stepId: "checkout",
      stageId: "buy",
      name: "Checkout",
      level: 2,
      customers: 150,
      share: 0.15,
      emotion: { value: -1, source: "sentiment" },
      sentiment: {
        count: 12,
        mean: -0.6,
        languages: { fa: 7, en: 5 },
        quotes: [
          { text: "هزینهٔ ارسال را فقط در آخر نشان دادند", language: "fa", sentiment: -0.7, at: "2025-03-01T10:00:00Z" },
          { text: "<b>Shipping</b> came as a surprise", language: "en", sentiment: -0.5, at: "2025-03-02T10:00:00Z" },
        ],
      },
    }),
  ];
  return {
    computedAt: "2025-04-01T00:00:00Z",
    storeGeneration: "1",
    filters: {},
    options: MetricsOptionsSchema.parse({}),
    totals: {
      customers: 1000,
      events: 2500,
      storeCustomers: 1000,
      storeEvents: 2500,
      mappedEvents: 2400,
      onMapEvents: 2300,
      firstEventAt: "2025-01-01T00:00:00Z",
      lastEventAt: "2025-03-31T00:00:00Z",
    },
    stages: [
      stageMetrics({ stageId: "visit", name: "Visit", customers: 1000, events: 1900, share: 1 }),
      stageMetrics({ stageId: "buy", name: "Buy", customers: 150, events: 400, share: 0.15 }),
    ],
    steps,
    funnel: {
      steps: [],
      stages: [
        { stageId: "visit", customers: 1000, rate: 1 },
        { stageId: "buy", customers: 150, rate: 0.15 },
      ],
    },
    touchpoints: [],
    unmapped: { events: 0, customers: 0, distinct: 0, items: [] },
    sessions: { count: 0, meanDurationMs: null, meanEvents: null },
    paths: {
      nodes: [],
      edges: [],
      edgesOmitted: 0,
      variants: { items: [], others: { customers: 0, variants: 0 }, distinct: 0 },
      sankey: { nodes: [], links: [], linksOmitted: 0 },
    },
    conformance: {
      customers: 1000,
      conforming: 900,
      share: 0.9,
      withSkips: 100,
      withBackSteps: 0,
      withLoops: 0,
      missingTouchpoints: [],
    },
    draft: {} as MapMetrics["draft"],
    warnings: [],
  };
}

/** A data view over given metrics, as the map editor provides it. */
export function EvidenceOf({
  metrics,
  shown = true,
  children,
}: {
  metrics: MapMetrics;
  shown?: boolean;
  children: ReactNode;
}) {
  const value: EvidenceState = {
    workspaceId: "ws",
    mapId: "map",
    shown,
    setShown: () => undefined,
    filters: { channels: [] },
    setFilters: () => undefined,
    status: shown ? "ready" : "off",
    metrics,
    error: null,
    refresh: () => undefined,
    steps: new Map(metrics.steps.map((s) => [s.stepId, s])),
    ...evidenceCues(metrics),
  };
  return <EvidenceContext.Provider value={value}>{children}</EvidenceContext.Provider>;
}
