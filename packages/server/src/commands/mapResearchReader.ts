import type { MapResearch, MapResearchQuote } from "@opencjm/core";
import { notFound } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listHighlightsOnMap } from "../store/highlightStore.js";
import { listStudies } from "../store/researchStudyStore.js";
import { presentHighlight, ResearchLookup } from "./highlightAnchorResolver.js";

/**
 * The research a map rests on: each highlight anchored to it shown as a quote at its step (a card's current step, a
 * stage's first step), once per step; the cards linked to highlights, whose evidence level is therefore "research";
 * and the highlights whose step, stage or card is no longer on the map (kept, and listed apart).
 */
export async function readMapResearch(services: Services, workspaceId: string, mapId: string): Promise<MapResearch> {
  const lookup = new ResearchLookup(services, workspaceId);
  const map = await lookup.maps.get(mapId);
  if (!map) throw notFound("map");
  const stored = await listHighlightsOnMap(services.db, workspaceId, mapId);
  const titles = new Map((await listStudies(services.db, workspaceId)).map((s) => [s.id, s.title]));
  const quotes: MapResearchQuote[] = [];
  const cards = new Map<string, string[]>();
  const onDeletedContent = [];
  for (const h of stored) {
    const highlight = await presentHighlight(lookup, h);
    const here = highlight.anchors.filter((a) => a.mapId === mapId);
    if (here.some((a) => a.missing)) onDeletedContent.push(highlight);
    const steps = new Set<string>();
    for (const anchor of here) {
      if (anchor.missing) continue;
      // Pushed in place: a card with thousands of highlights would otherwise copy its list once per highlight.
      if (anchor.cardId) {
        const list = cards.get(anchor.cardId);
        if (list) list.push(highlight.id);
        else cards.set(anchor.cardId, [highlight.id]);
      }
      const stepId =
        anchor.kind === "stage" ? map.snapshot.steps.find((s) => s.stageId === anchor.stageId)?.id : anchor.stepId;
      if (stepId) steps.add(stepId);
    }
    for (const stepId of steps)
      quotes.push({
        highlightId: highlight.id,
        noteId: highlight.noteId,
        stepId,
        text: highlight.text,
        kind: highlight.kind,
        participantId: highlight.participantId,
        participantCode: highlight.participantCode,
        studyId: highlight.studyId,
        studyTitle: titles.get(highlight.studyId) ?? "",
        sentiment: highlight.sentiment,
        language: highlight.language,
        tags: highlight.tags,
      });
  }
  return {
    mapId,
    quotes,
    cards: [...cards].map(([cardId, highlightIds]) => ({ cardId, level: "research" as const, highlightIds })),
    onDeletedContent,
  };
}
