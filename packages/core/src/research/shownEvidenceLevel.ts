import type { Evidence } from "@opencjm/core";

/**
 * The evidence level a card shows: what was set on it, raised to "research" when highlights of a study are linked to
 * it (PRODUCT.md §4.3); "data" (a linked metric) stays, being the stronger evidence.
 */
export function shownEvidenceLevel(stored: Evidence["level"], linkedToHighlights: boolean): Evidence["level"] {
  return stored === "assumption" && linkedToHighlights ? "research" : stored;
}
