import {
  iceScore,
  riceScore,
  type Card,
  type Idea,
  type IdeaAnchorInput,
  type IdeaLink,
  type IdeaLinkKind,
  type IdeaStepInput,
  type MapSnapshot,
} from "@opencjm/core";
import { fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import type { StoredIdea, StoredIdeaLink } from "../store/ideaStore.js";

/** A map as links are checked against it: its title and body, or null when it is gone from the workspace. */
type LoadedMap = { title: string; snapshot: MapSnapshot } | null;

/** Loads each map once per request, however many ideas and links name it. */
export class MapLookup {
  private readonly loaded = new Map<string, Promise<LoadedMap>>();

  constructor(
    private readonly services: Services,
    private readonly workspaceId: string,
  ) {}

  /** The map of this workspace with that id, or null. */
  get(mapId: string): Promise<LoadedMap> {
    let found = this.loaded.get(mapId);
    if (!found) {
      found = this.load(mapId);
      this.loaded.set(mapId, found);
    }
    return found;
  }

  private async load(mapId: string): Promise<LoadedMap> {
    const map = await this.services.maps.find(this.workspaceId, mapId);
    if (!map) return null;
    return { title: map.title, snapshot: await this.services.maps.readSnapshot(mapId) };
  }
}

interface CardPlace {
  card: Card;
  stepId: string;
  laneId: string;
}

function findCard(snapshot: MapSnapshot, cardId: string): CardPlace | undefined {
  for (const cell of snapshot.cells) {
    const card = cell.cards.find((c) => c.id === cardId);
    if (card) return { card, stepId: cell.stepId, laneId: cell.laneId };
  }
  return undefined;
}

/** The words a card shows, as the link's label (the text of text-like cards, the name of named ones). */
function cardLabel(card: Card): string {
  if ("text" in card) return card.text;
  if ("name" in card) return card.name;
  if ("title" in card && card.title) return card.title;
  if ("label" in card && card.label) return card.label;
  return card.kind;
}

function cardKind(card: Card): IdeaLinkKind {
  return card.kind === "painPoint" || card.kind === "opportunity" ? card.kind : "card";
}

const stepName = (snapshot: MapSnapshot, stepId: string) => snapshot.steps.find((s) => s.id === stepId)?.name;
const sameLink = (a: StoredIdeaLink, b: { mapId: string; cardId?: string; stepId?: string; laneId?: string }) =>
  a.mapId === b.mapId &&
  a.cardId === (b.cardId ?? null) &&
  (a.cardId !== null || (a.stepId === (b.stepId ?? null) && a.laneId === (b.laneId ?? null)));

async function anchorOf(
  maps: MapLookup,
  input: IdeaAnchorInput,
  field: string,
  kept: StoredIdeaLink[],
): Promise<StoredIdeaLink> {
  // A link the idea already has stays as it is, even when its card or step has gone since: that is how a missing
  // link survives an edit of the idea's other fields.
  const existing = kept.find((k) => sameLink(k, input));
  if (existing) return existing;
  const map = await maps.get(input.mapId);
  if (!map) throw fieldError(`${field}.mapId`, `no map "${input.mapId}" in this workspace`, { detail: "unknown map" });
  if (input.cardId !== undefined) {
    const place = findCard(map.snapshot, input.cardId);
    if (!place)
      throw fieldError(`${field}.cardId`, `no card "${input.cardId}" on that map`, { detail: "unknown card" });
    return {
      mapId: input.mapId,
      cardId: input.cardId,
      stepId: place.stepId,
      laneId: place.laneId,
      kind: cardKind(place.card),
      label: cardLabel(place.card),
    };
  }
  const stepId = input.stepId ?? "";
  const name = stepName(map.snapshot, stepId);
  if (name === undefined)
    throw fieldError(`${field}.stepId`, `no step "${stepId}" on that map`, { detail: "unknown step" });
  if (input.laneId !== undefined && !map.snapshot.lanes.some((l) => l.id === input.laneId))
    throw fieldError(`${field}.laneId`, `no lane "${input.laneId}" on that map`, { detail: "unknown lane" });
  return {
    mapId: input.mapId,
    cardId: null,
    stepId,
    laneId: input.laneId ?? null,
    kind: input.laneId !== undefined ? "cell" : "step",
    label: name,
  };
}

/**
 * Checks the anchors and changed steps of an idea against the maps (each must exist in this workspace when first
 * linked) and returns them as stored, with what they are and say now; links the idea already had are kept as they are.
 */
export async function resolveIdeaLinks(
  maps: MapLookup,
  input: { anchors: IdeaAnchorInput[]; steps: IdeaStepInput[] },
  kept: { anchors: StoredIdeaLink[]; steps: StoredIdeaLink[] } = { anchors: [], steps: [] },
): Promise<{ anchors: StoredIdeaLink[]; steps: StoredIdeaLink[] }> {
  const anchors: StoredIdeaLink[] = [];
  for (const [i, anchor] of input.anchors.entries())
    anchors.push(await anchorOf(maps, anchor, `anchors.${i}`, kept.anchors));
  const steps: StoredIdeaLink[] = [];
  for (const [i, step] of input.steps.entries()) steps.push(await anchorOf(maps, step, `steps.${i}`, kept.steps));
  return { anchors, steps };
}

async function presentLink(maps: MapLookup, link: StoredIdeaLink): Promise<IdeaLink> {
  const map = await maps.get(link.mapId);
  const gone: IdeaLink = { ...link, mapTitle: map?.title ?? null, stageId: null, missing: true };
  if (!map) return gone;
  if (link.cardId !== null) {
    const place = findCard(map.snapshot, link.cardId);
    if (!place) return gone;
    const stageId = map.snapshot.steps.find((s) => s.id === place.stepId)?.stageId ?? null;
    return {
      ...link,
      mapTitle: map.title,
      stepId: place.stepId,
      laneId: place.laneId,
      label: cardLabel(place.card),
      stageId,
      missing: false,
    };
  }
  const step = map.snapshot.steps.find((s) => s.id === link.stepId);
  if (!step) return gone;
  const laneGone = link.laneId !== null && !map.snapshot.lanes.some((l) => l.id === link.laneId);
  return { ...link, mapTitle: map.title, label: step.name, stageId: step.stageId, missing: laneGone };
}

/** An idea as the API answers it: links checked against the maps as they are now, and its scores computed. */
export async function presentIdea(maps: MapLookup, idea: StoredIdea): Promise<Idea> {
  return {
    ...idea,
    anchors: await Promise.all(idea.anchors.map((link) => presentLink(maps, link))),
    steps: await Promise.all(idea.steps.map((link) => presentLink(maps, link))),
    iceScore: idea.ice ? iceScore(idea.ice) : null,
    riceScore: idea.rice ? riceScore(idea.rice) : null,
  };
}
