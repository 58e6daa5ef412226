import {
  MAP_RESEARCH_TOP_QUOTES,
  type MapResearchQuotePage,
  type MapResearchQuotePageQuery,
  type MapResearchSummary,
} from "@opencjm/core";
import { fieldError, notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { countStepResearch, listTopStepQuotes, pageStepQuotes, type QuoteCursor } from "../store/mapResearchStore.js";
import { readAnchorPlaces } from "./mapAnchorPlaces.js";
import { loadJourneyMap } from "./participantJourneyReader.js";

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
  const { onMap, places } = await readAnchorPlaces(services, workspaceId, mapId, snapshot);
  const counts = await countStepResearch(services.db, workspaceId, mapId, places);
  const top = await listTopStepQuotes(services.db, workspaceId, mapId, places, MAP_RESEARCH_TOP_QUOTES);
  const order = new Map<string, number>(snapshot.steps.map((s, i) => [s.id, i]));
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
    anchors: onMap,
    cards: onMap
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
  const { places } = await readAnchorPlaces(services, workspaceId, mapId, snapshot);
  const rows = await pageStepQuotes(services.db, workspaceId, mapId, stepId, places, { after, limit: query.limit });
  const quotes = rows.slice(0, query.limit);
  const last = quotes.at(-1);
  return {
    quotes: quotes.map(({ createdAt: _, ...quote }) => quote),
    next: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.highlightId }) : null,
  };
}
