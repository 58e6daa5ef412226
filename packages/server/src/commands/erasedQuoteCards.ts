import type { MapSnapshot } from "@opencjm/core";

/** What marks a quote card as derived from erased research. */
export interface ErasedQuoteTarget {
  /** Ids of erased highlights and participants: a quote whose evidence cites one goes. */
  refs: Set<string>;
  /** Per map, the erased participants' codes (lower case) of the studies informing it: a quote naming one goes. */
  codesByMap: Map<string, Set<string>>;
}

/** Whether an erasure has anything to look for on maps. */
export function targetsAnything(target: ErasedQuoteTarget): boolean {
  return target.refs.size > 0 || [...target.codesByMap.values()].some((codes) => codes.size > 0);
}

/**
 * The quote cards of a map (as it is now, or as a version holds it) derived from erased research: those citing an
 * erased highlight or participant, and on maps a study informs those whose participant field is an erased code.
 */
export function erasedQuoteCardIds(snapshot: MapSnapshot, mapId: string, target: ErasedQuoteTarget): string[] {
  const codes = target.codesByMap.get(mapId);
  return snapshot.cells.flatMap((cell) =>
    cell.cards
      .filter(
        (card) =>
          card.kind === "quote" &&
          (card.evidence.refs.some((ref) => target.refs.has(ref)) ||
            (codes !== undefined && codes.has(card.participant.trim().toLowerCase()))),
      )
      .map((card) => card.id as string),
  );
}
