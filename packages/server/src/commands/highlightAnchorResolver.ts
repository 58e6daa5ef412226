import type { Card, Highlight, HighlightAnchor, HighlightAnchorInput, MapSnapshot } from "@opencjm/core";
import { DomainError, fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { StoredHighlight, StoredHighlightAnchor } from "../store/highlightStore.js";
import { getStoredIdea } from "../store/ideaStore.js";
import { MapLookup } from "./ideaLinkResolver.js";

/** Maps and ideas of one workspace, each loaded once per request however many highlights name them. */
export class ResearchLookup {
  readonly maps: MapLookup;
  private readonly ideas = new Map<string, Promise<string | null>>();

  constructor(
    private readonly services: Services,
    private readonly workspaceId: string,
  ) {
    this.maps = new MapLookup(services, workspaceId);
  }

  /** The title of the workspace's idea with that id, or null when there is none. */
  ideaTitle(ideaId: string): Promise<string | null> {
    let found = this.ideas.get(ideaId);
    if (!found) {
      found = getStoredIdea(this.services.db, this.workspaceId, ideaId).then(
        (idea) => idea.title,
        (error: unknown) => {
          if (error instanceof DomainError && error.kind === "not_found") return null;
          throw error;
        },
      );
      this.ideas.set(ideaId, found);
    }
    return found;
  }
}

/** Where a card is on a map: the step of its cell, and the card. */
export function findCardOnMap(snapshot: MapSnapshot, cardId: string): { card: Card; stepId: string } | undefined {
  for (const cell of snapshot.cells) {
    const card = cell.cards.find((c) => c.id === cardId);
    if (card) return { card, stepId: cell.stepId };
  }
  return undefined;
}

const cardLabel = (card: Card) =>
  card.kind === "touchpoint" ? card.note || card.touchpointId : "text" in card ? card.text : card.kind;
const stageOf = (snapshot: MapSnapshot, stepId: string) => snapshot.steps.find((s) => s.id === stepId)?.stageId ?? null;
const sameAnchor = (a: StoredHighlightAnchor, b: HighlightAnchorInput) =>
  a.kind === b.kind &&
  (b.kind === "idea"
    ? a.ideaId === b.ideaId
    : a.mapId === b.mapId &&
      (b.kind === "step"
        ? a.stepId === b.stepId
        : b.kind === "stage"
          ? a.stageId === b.stageId
          : a.cardId === b.cardId));

async function resolveOne(
  lookup: ResearchLookup,
  input: HighlightAnchorInput,
  field: string,
): Promise<StoredHighlightAnchor> {
  const none = { mapId: null, stepId: null, stageId: null, cardId: null, ideaId: null };
  if (input.kind === "idea") {
    const title = await lookup.ideaTitle(input.ideaId);
    if (title === null)
      throw fieldError(`${field}.ideaId`, `no idea "${input.ideaId}" in this workspace`, { detail: "unknown idea" });
    return { ...none, kind: "idea", ideaId: input.ideaId, label: title };
  }
  const map = await lookup.maps.get(input.mapId);
  if (!map) throw fieldError(`${field}.mapId`, `no map "${input.mapId}" in this workspace`, { detail: "unknown map" });
  const { snapshot } = map;
  if (input.kind === "step") {
    const step = snapshot.steps.find((s) => s.id === input.stepId);
    if (!step) throw fieldError(`${field}.stepId`, `no step "${input.stepId}" on that map`, { detail: "unknown step" });
    return { ...none, kind: "step", mapId: input.mapId, stepId: step.id, stageId: step.stageId, label: step.name };
  }
  if (input.kind === "stage") {
    const stage = snapshot.stages.find((s) => s.id === input.stageId);
    if (!stage)
      throw fieldError(`${field}.stageId`, `no stage "${input.stageId}" on that map`, { detail: "unknown stage" });
    return { ...none, kind: "stage", mapId: input.mapId, stageId: stage.id, label: stage.name };
  }
  const place = findCardOnMap(snapshot, input.cardId);
  if (!place || place.card.kind !== input.kind)
    throw fieldError(`${field}.cardId`, `no ${input.kind} card "${input.cardId}" on that map`, {
      detail: `unknown ${input.kind} card`,
    });
  return {
    ...none,
    kind: input.kind,
    mapId: input.mapId,
    cardId: input.cardId,
    stepId: place.stepId,
    stageId: stageOf(snapshot, place.stepId),
    label: cardLabel(place.card),
  };
}

/**
 * Checks a highlight's anchors (each must exist when first anchored) and returns them as stored; an anchor the
 * highlight already had stays as it was, so one whose step was deleted survives an edit of the highlight's tags.
 */
export async function resolveHighlightAnchors(
  lookup: ResearchLookup,
  inputs: HighlightAnchorInput[],
  kept: StoredHighlightAnchor[] = [],
): Promise<StoredHighlightAnchor[]> {
  const anchors: StoredHighlightAnchor[] = [];
  for (const [i, input] of inputs.entries())
    anchors.push(kept.find((k) => sameAnchor(k, input)) ?? (await resolveOne(lookup, input, `anchors.${i}`)));
  return anchors;
}

/** An anchor as it is now: the current label and place, or the stored ones marked missing once it is gone. */
export async function presentAnchor(lookup: ResearchLookup, anchor: StoredHighlightAnchor): Promise<HighlightAnchor> {
  const gone: HighlightAnchor = { ...anchor, missing: true };
  if (anchor.kind === "idea") {
    const title = await lookup.ideaTitle(anchor.ideaId ?? "");
    return title === null ? gone : { ...anchor, label: title, missing: false };
  }
  const map = anchor.mapId ? await lookup.maps.get(anchor.mapId) : null;
  if (!map) return gone;
  const { snapshot } = map;
  if (anchor.kind === "step") {
    const step = snapshot.steps.find((s) => s.id === anchor.stepId);
    return step ? { ...anchor, stageId: step.stageId, label: step.name, missing: false } : gone;
  }
  if (anchor.kind === "stage") {
    const stage = snapshot.stages.find((s) => s.id === anchor.stageId);
    return stage ? { ...anchor, label: stage.name, missing: false } : gone;
  }
  const place = findCardOnMap(snapshot, anchor.cardId ?? "");
  if (!place) return gone;
  return {
    ...anchor,
    stepId: place.stepId,
    stageId: stageOf(snapshot, place.stepId),
    label: cardLabel(place.card),
    missing: false,
  };
}

/** A stored highlight as the API answers it, its anchors checked against the maps and ideas as they are now. */
export async function presentHighlight(lookup: ResearchLookup, h: StoredHighlight): Promise<Highlight> {
  const anchors = await Promise.all(h.anchors.map((a) => presentAnchor(lookup, a)));
  return {
    id: h.id,
    studyId: h.studyId,
    noteId: h.noteId,
    participantId: h.participantId,
    participantCode: h.participantCode,
    start: h.start,
    end: h.end,
    text: h.text,
    kind: h.kind,
    insight: h.insight,
    anchors,
    tags: h.tags,
    sentiment: h.sentiment,
    sentimentEdited: h.sentimentEdited,
    language: h.language,
    onDeletedContent: anchors.some((a) => a.missing),
    createdBy: h.createdBy,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
