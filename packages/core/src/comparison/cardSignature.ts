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

/** The text a person reads first on a card (its text, name, note, metric or link), for lists of differences. */
export function cardLabel(card: Card): string {
  switch (card.kind) {
    case "kpi":
    case "stakeholder":
      return card.name;
    case "touchpoint":
      return card.note || card.touchpointId;
    case "channel":
      return card.channelId;
    case "momentOfTruth":
      return card.note ? `${card.moment}: ${card.note}` : card.moment;
    case "duration":
      return card.label || (card.minutes === undefined ? "" : `${card.minutes} min`);
    case "image":
      return card.alt || card.url;
    case "link":
      return card.title || card.url;
    case "data":
      return card.metric;
    default:
      return card.text;
  }
}
