import {
  BUILT_IN_CHANNELS,
  MOMENTS_OF_TRUTH,
  type CardContentInput,
  type LaneType,
  type TouchpointFields,
} from "@opencjm/core";
import { exportLabelVariants } from "../mapExport/exportLabels.js";
import type { DropReason } from "./dropReason.js";
import { channelByName } from "./guessChannel.js";

/** A card read from a line of grid text, or the reason it could not be. */
export type ParsedCardLine =
  { card: CardContentInput; touchpoint?: { key: string; fields: TouchpointFields } } | { dropped: DropReason };

const FLAG_WORDS = { failurePoint: exportLabelVariants("failurePoint"), waitPoint: exportLabelVariants("waitPoint") };
const MINUTES = /^(\d+(?:\.\d+)?)\s*(min|分鐘|分钟|мин|دقیقه)$/;

function withUrl(line: string): { label: string; url: string } {
  const m = line.match(/^(.*?)\s*<([^<>\s]+)>$/s);
  return m ? { label: m[1]!.trim(), url: m[2]! } : { label: "", url: line.trim() };
}

/** Splits "name (inner (nested))" into the name and the last balanced parenthesis group. */
function trailingParens(text: string): { head: string; inner?: string } {
  if (!text.endsWith(")")) return { head: text };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0)
      return { head: text.slice(0, i).trimEnd(), inner: text.slice(i + 1, -1) };
  }
  return { head: text };
}

/**
 * Reads one card written the way core's `cardText` writes it, for a lane of the given type. This is how grids edited in
 * a spreadsheet come back: the text is kept, and what the notation carries (severity, role, moment, URL) is restored.
 */
export function parseCardLine(type: LaneType, line: string): ParsedCardLine {
  const text = line.trim();
  switch (type) {
    case "text":
      return { card: { kind: "text", text } };
    case "actions":
      return { card: { kind: "action", text } };
    case "expectations":
      return { card: { kind: "expectation", text } };
    case "opportunities":
      return { card: { kind: "opportunity", text } };
    case "risks":
      return { card: { kind: "risk", text } };
    case "thoughts":
      return { card: { kind: "thought", text, question: /[?？؟]$/.test(text) } };
    case "painPoints": {
      const m = text.match(/^(.*?)\s*\[([1-5])\/5\]$/s);
      return { card: { kind: "painPoint", text: m ? m[1]! : text, severity: m ? Number(m[2]) : 3 } };
    }
    case "quotes": {
      const m = text.match(/^“(.*)”(?:\s*—\s*(.*))?$/s);
      if (!m) return { card: { kind: "quote", text } };
      const [participant = "", ...source] = (m[2] ?? "").split(", ");
      return { card: { kind: "quote", text: m[1]!, participant, source: source.join(", ") } };
    }
    case "stakeholders": {
      const m = text.match(/^(.*?)\s*\(([^()]*)\)$/s);
      return { card: { kind: "stakeholder", name: m ? m[1]! : text, role: m ? m[2]! : "" } };
    }
    case "kpis":
      return { card: { kind: "kpi", name: text.split(/:\s/)[0]!.slice(0, 500) } };
    case "momentsOfTruth": {
      const m = text.match(/^(\S+)(?:\s*—\s*(.*))?$/s);
      const moment = MOMENTS_OF_TRUTH.find((x) => x.toLowerCase() === m?.[1]?.toLowerCase());
      return moment
        ? { card: { kind: "momentOfTruth", moment, note: m?.[2] ?? "" } }
        : {
            dropped: {
              code: "notMomentOfTruth",
              values: { text: text.slice(0, 40), choices: MOMENTS_OF_TRUTH.join(", ") },
            },
          };
    }
    case "duration": {
      const m = text.match(MINUTES);
      return { card: m ? { kind: "duration", minutes: Number(m[1]) } : { kind: "duration", label: text } };
    }
    case "frontstage":
    case "backstage":
    case "support": {
      let rest = text;
      const flags = rest.match(/\s*\[([^[\]]*)\]$/);
      const words = flags ? flags[1]!.split(/,\s*/) : [];
      const failurePoint = words.some((w) => FLAG_WORDS.failurePoint.includes(w));
      const waitPoint = words.some((w) => FLAG_WORDS.waitPoint.includes(w));
      if (flags && (failurePoint || waitPoint)) rest = rest.slice(0, flags.index);
      const actor = rest.match(/^([^:\n]{1,60}):\s(.*)$/s);
      return {
        card: {
          kind: "process",
          text: actor ? actor[2]! : rest,
          actor: actor ? actor[1]! : "",
          failurePoint,
          waitPoint,
        },
      };
    }
    case "images": {
      const { label, url } = withUrl(text);
      // An uploaded picture is written as its name ("[picture: …]"), its data left out: nothing here to bring back.
      if (!/^(https?:\/\/|\/|data:image\/)/i.test(url))
        return { dropped: { code: "pictureNotInFile", values: { text } } };
      return { card: { kind: "image", url, alt: label } };
    }
    case "links": {
      const { label, url } = withUrl(text);
      return { card: { kind: "link", url, title: label } };
    }
    case "data": {
      const m = text.match(/^(.*?)\s*—\s*(.*)$/s);
      return { card: { kind: "data", metric: (m ? m[1]! : text).slice(0, 120), note: m ? m[2]! : "" } };
    }
    case "channels": {
      const channel = channelByName(text);
      return channel
        ? { card: { kind: "channel", channelId: channel as never } }
        : { dropped: { code: "noChannel", values: { text: text.slice(0, 60) } } };
    }
    case "touchpoints": {
      const dash = text.indexOf(" — ");
      const note = dash >= 0 ? text.slice(dash + 3) : "";
      const { head, inner } = trailingParens(dash >= 0 ? text.slice(0, dash) : text);
      const channel = inner === undefined ? undefined : channelByName(inner);
      const name = (channel ? head : head + (inner === undefined ? "" : ` (${inner})`)).trim() || text;
      const channelKey = channel ?? "website";
      const key = `${name}\u0000${channelKey}`;
      return {
        card: { kind: "touchpoint", touchpointId: key as never, note },
        touchpoint: {
          key,
          fields: {
            name: name.slice(0, 200),
            channelId: channelKey as never,
            description: "",
            medium: BUILT_IN_CHANNELS.find((c) => c.key === channelKey)?.online === false ? "physical" : "digital",
            ownerTeam: "",
          },
        },
      };
    }
    case "emotion":
      return { dropped: { code: "emotionLaneHoldsNumbers", values: {} } };
  }
}
