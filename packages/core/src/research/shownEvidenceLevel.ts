import type { Evidence } from "../schemas/lane.js";
import type { MapSnapshot } from "../schemas/journeyMap.js";

/**
 * The evidence level a card shows: what was set on it, raised to "research" when highlights of a study are linked to
 * it (PRODUCT.md §4.3); "data" (a linked metric) stays, being the stronger evidence.
 */
export function shownEvidenceLevel(stored: Evidence["level"], linkedToHighlights: boolean): Evidence["level"] {
  return stored === "assumption" && linkedToHighlights ? "research" : stored;
}

/**
 * A map's snapshot with each card at the level the editor shows (see shownEvidenceLevel), for outputs made outside
 * the editor — exports, print, share pages — so they agree with it. The snapshot given is left as it was.
 */
export function withShownEvidenceLevels(snapshot: MapSnapshot, researchCardIds: ReadonlySet<string>): MapSnapshot {
  if (researchCardIds.size === 0) return snapshot;
  return {
    ...snapshot,
    cells: snapshot.cells.map((cell) => ({
      ...cell,
      cards: cell.cards.map((card) => {
        const level = shownEvidenceLevel(card.evidence.level, researchCardIds.has(card.id));
        return level === card.evidence.level ? card : { ...card, evidence: { ...card.evidence, level } };
      }),
    })),
  };
}
