import type { Card, Locale } from "@opencjm/core";
import { exportLabel } from "./exportLabels.js";
import type { ExportLookups } from "./ExportInput.js";

/**
 * One card as a single readable line (or paragraph), the way grids, outlines and slides show it.
 * The notation is also what the grid importer reads back, so keep the two in step (see `parseCardLine`).
 */
export function describeCard(card: Card, lookups: ExportLookups, locale: Locale): string {
  switch (card.kind) {
    case "text":
    case "action":
    case "expectation":
    case "opportunity":
    case "risk":
    case "thought":
      return card.text;
    case "touchpoint": {
      const touchpoint = lookups.touchpoint(card.touchpointId);
      const name = touchpoint?.name ?? card.touchpointId;
      const channel = touchpoint ? ` (${lookups.channelName(touchpoint.channelId)})` : "";
      return `${name}${channel}${card.note ? ` — ${card.note}` : ""}`;
    }
    case "channel":
      return lookups.channelName(card.channelId);
    case "quote": {
      const by = [card.participant, card.source].filter(Boolean).join(", ");
      return `“${card.text}”${by ? ` — ${by}` : ""}`;
    }
    case "painPoint":
      return `${card.text} [${card.severity}/5]`;
    case "kpi": {
      const unit = card.unit ? ` ${card.unit}` : "";
      const actual = card.actual !== undefined ? `${card.actual}${unit}` : "";
      const target = card.target !== undefined ? `${exportLabel(locale, "target")} ${card.target}${unit}` : "";
      const values = [actual, target].filter(Boolean).join(", ");
      return values ? `${card.name}: ${values}` : card.name;
    }
    case "stakeholder":
      return card.role ? `${card.name} (${card.role})` : card.name;
    case "momentOfTruth":
      return card.note ? `${card.moment} — ${card.note}` : card.moment;
    case "duration":
      return card.label || (card.minutes !== undefined ? exportLabel(locale, "minutes", { n: card.minutes }) : "");
    case "process": {
      const flags = [
        card.failurePoint ? exportLabel(locale, "failurePoint") : "",
        card.waitPoint ? exportLabel(locale, "waitPoint") : "",
      ].filter(Boolean);
      return `${card.actor ? `${card.actor}: ` : ""}${card.text}${flags.length ? ` [${flags.join(", ")}]` : ""}`;
    }
    case "image":
      return card.alt ? `${card.alt} <${card.url}>` : card.url;
    case "link":
      return card.title ? `${card.title} <${card.url}>` : card.url;
    case "data":
      return card.note ? `${card.metric} — ${card.note}` : card.metric;
  }
}
