import {
  MAP_RESEARCH_TOP_QUOTES,
  type MapResearchQuotePage,
  type MapResearchQuotePageQuery,
  type MapResearchSummary,
  type MapSnapshot,
} from "@opencjm/core";
import { fieldError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import {
  countMapAnchors,
  countStepResearch,
  listTopStepQuotes,
  pageStepQuotes,
  type AnchorCount,
  type AnchorPlaces,
  type QuoteCursor,
} from "../store/mapResearchStore.js";
import { findCardOnMap } from "./highlightAnchorResolver.js";
import { loadJourneyMap } from "./participantJourneyReader.js";

/** Where each anchored stage and card of the map is now (a stage at its first step, a card at its cell's step). */
function placesOf(snapshot: MapSnapshot, anchors: readonly AnchorCount[]): AnchorPlaces {
  const stageSteps = new Map<string, string>();
  const cardSteps = new Map<string, string>();
  for (const a of anchors) {
    if (a.kind === "stage") {
      const first = snapshot.steps.find((s) => s.stageId === a.id);
      if (first) stageSteps.set(a.id, first.id);
    } else if (a.kind !== "step") {
      const place = findCardOnMap(snapshot, a.id);
      if (place && place.card.kind === a.kind) cardSteps.set(a.id, place.stepId);
    }
  }
  return { steps: snapshot.steps.map((s) => s.id), stageSteps, cardSteps };
}

/** Whether an anchor still names something on the map. */
function onMap(places: AnchorPlaces, snapshot: MapSnapshot, a: AnchorCount): boolean {
  if (a.kind === "step") return places.steps.includes(a.id);
  if (a.kind === "stage") return snapshot.stages.some((s) => s.id === a.id);
  return places.cardSteps.has(a.id);
}

/**
 * What opening a map needs of its research, counted by the database rather than by reading every highlight: per
 * step its highlights (once each, whichever of their anchors lead there), participants, sentiment split and newest
 * quotes; per anchor its highlights; and the cards that rest on research (evidence level "research").
 */
export async function readMapResearchSummary(
  services: Services,
  workspaceId: string,
  mapId: string,
): Promise<MapResearchSummary> {
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  const anchors = await countMapAnchors(services.db, workspaceId, mapId);
  const places = placesOf(snapshot, anchors);
  const counts = await countStepResearch(services.db, workspaceId, mapId, places);
  const top = await listTopStepQuotes(services.db, workspaceId, mapId, places, MAP_RESEARCH_TOP_QUOTES);
  const order = new Map<string, number>(snapshot.steps.map((s, i) => [s.id, i]));
  const live = anchors.filter((a) => onMap(places, snapshot, a));
  return {
    mapId,
    steps: counts
      .sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0))
      .map((c) => ({
        stepId: c.stepId,
        highlights: c.highlights,
        participants: c.participants,
        sentiment: { positive: c.positive, neutral: c.neutral, negative: c.negative },
        top: top.filter((q) => q.stepId === c.stepId),
      })),
    anchors: live,
    cards: live
      .filter((a) => a.kind === "touchpoint" || a.kind === "painPoint")
      .map((a) => ({ cardId: a.id, level: "research" as const, highlights: a.highlights })),
  };
}

/** The cursor after a quote, opaque to callers. */
const encodeCursor = (c: QuoteCursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString("base64url");

function decodeCursor(text: string): QuoteCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string"))
      return { createdAt: value[0] as string, id: value[1] as string };
  } catch {
    // Falls through to the refusal below: anything but our own cursor is a caller's mistake.
  }
  throw fieldError("after", "not a cursor this endpoint gave out", { detail: "unknown cursor" });
}

/** One page of a step's quotes, newest first, with the cursor of the next page (null on the last). */
export async function readStepQuotePage(
  services: Services,
  workspaceId: string,
  mapId: string,
  stepId: string,
  query: MapResearchQuotePageQuery,
): Promise<MapResearchQuotePage> {
  const after = query.after === undefined ? null : decodeCursor(query.after);
  const snapshot = await loadJourneyMap(services, workspaceId, mapId);
  if (!snapshot.steps.some((s) => s.id === stepId)) throw notFound("step");
  const places = placesOf(snapshot, await countMapAnchors(services.db, workspaceId, mapId));
  const rows = await pageStepQuotes(services.db, workspaceId, mapId, stepId, places, { after, limit: query.limit });
  const quotes = rows.slice(0, query.limit);
  const last = quotes.at(-1);
  return {
    quotes: quotes.map(({ createdAt: _, ...quote }) => quote),
    next: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.highlightId }) : null,
  };
}
