import { translateVocabulary } from "../i18n/vocabularyCatalogue.js";
import type { Locale } from "../locale.js";
import type { Card } from "../schemas/lane.js";

/** Names a card refers to by id, when the reader's workspace has them (else the id is shown). */
export interface CardTextNames {
  /** A touchpoint's name and the name of its channel. */
  touchpoint?: (touchpointId: string) => { name: string; channel: string } | undefined;
  /** A channel's name. */
  channel?: (channelId: string) => string | undefined;
}

/**
 * One card as one readable line (or paragraph), the same everywhere a card becomes text: export grids, outlines
 * and slides, the comparison of two maps. The notation is also what the grid importer reads back
 * (server `mapImport/parseCardLine.ts`), so keep the two in step; the few words in it are the screen's.
 */
export function cardText(card: Card, locale: Locale, names: CardTextNames = {}): string {
  switch (card.kind) {
    case "text":
    case "action":
    case "expectation":
    case "opportunity":
    case "risk":
    case "thought":
      return card.text;
    case "touchpoint": {
      const touchpoint = names.touchpoint?.(card.touchpointId);
      const name = touchpoint ? `${touchpoint.name} (${touchpoint.channel})` : card.touchpointId;
      return card.note ? `${name} — ${card.note}` : name;
    }
    case "channel":
      return names.channel?.(card.channelId) ?? card.channelId;
    case "quote": {
      const by = [card.participant, card.source].filter(Boolean).join(", ");
      return `“${card.text}”${by ? ` — ${by}` : ""}`;
    }
    case "painPoint":
      return `${card.text} [${card.severity}/5]`;
    case "kpi": {
      const unit = card.unit ? ` ${card.unit}` : "";
      const actual = card.actual !== undefined ? `${card.actual}${unit}` : "";
      const target =
        card.target !== undefined ? translateVocabulary(locale, "kpiTarget", { target: `${card.target}${unit}` }) : "";
      const values = [actual, target].filter(Boolean).join(", ");
      return values ? `${card.name}: ${values}` : card.name;
    }
    case "stakeholder":
      return card.role ? `${card.name} (${card.role})` : card.name;
    case "momentOfTruth":
      return card.note ? `${card.moment} — ${card.note}` : card.moment;
    case "duration":
      return (
        card.label ||
        (card.minutes !== undefined ? translateVocabulary(locale, "minutes", { n: String(card.minutes) }) : "")
      );
    case "process": {
      const flags = [
        card.failurePoint ? translateVocabulary(locale, "failurePoint") : "",
        card.waitPoint ? translateVocabulary(locale, "waitPoint") : "",
      ].filter(Boolean);
      return `${card.actor ? `${card.actor}: ` : ""}${card.text}${flags.length ? ` [${flags.join(", ")}]` : ""}`;
    }
    case "image":
      // An uploaded picture is its own data URL, kilobytes of base64 no reader wants in a cell: it is named instead
      // (the PowerPoint deck shows the picture itself; the JSON export keeps it whole).
      if (card.url.startsWith("data:"))
        return card.alt
          ? translateVocabulary(locale, "uploadedPictureNamed", { alt: card.alt })
          : translateVocabulary(locale, "uploadedPicture");
      return card.alt ? `${card.alt} <${card.url}>` : card.url;
    case "link":
      return card.title ? `${card.title} <${card.url}>` : card.url;
    case "data":
      return card.note ? `${card.metric} — ${card.note}` : card.metric;
  }
}
