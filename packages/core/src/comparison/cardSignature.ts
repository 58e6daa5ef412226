import type { Card } from "../schemas/lane.js";

/** A card's content without its id and order, as a stable string: equal signatures mean the same content. */
export function cardSignature(card: Card): string {
  const { id: _id, order: _order, ...content } = card;
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  return JSON.stringify(sorted(content));
}
