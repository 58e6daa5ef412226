import { newId, type ChannelId, type LaneType, type TouchpointFields } from "@opencjm/core";
import { droppedItem } from "./dropReason.js";
import type { FieldLedger } from "./FieldLedger.js";
import { guessChannel } from "./guessChannel.js";
import type { DraftEntity, ImportReport } from "./ImportDraft.js";
import { addImportNote, importNote } from "./importNote.js";
import type { MapDraftBuilder } from "./MapDraftBuilder.js";

/** A node of an OpenJourney file, with where it is in the file and its score when it has one. */
export interface OpenJourneyNode {
  raw: Record<string, unknown> & { stageId: string; swimlaneId: string };
  where: string;
  score: number | undefined;
}

const NODE_FIELDS = new Set([
  "id",
  "stageId",
  "swimlaneId",
  "title",
  "description",
  "score",
  "severity",
  "sentiment",
  "tags",
  "blueprint",
]);
const SEVERITY: Record<string, number> = { low: 2, medium: 3, high: 4, critical: 5 };

const join = (...parts: Array<string | undefined>) =>
  parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join("\n");

/**
 * Puts one node on the map: a card on its lane (a touchpoint card also brings a catalogue touchpoint, on a channel
 * guessed only when its words name exactly one), its blueprint entries on the blueprint lanes, and everything it has
 * that a card cannot hold into the report. Returns the note of the emotion point its score makes: the node's words on
 * an emotion lane, its sentiment elsewhere.
 */
export function openJourneyCard(input: {
  node: OpenJourneyNode;
  lane: { id: string; type: LaneType } | undefined;
  stepId: string;
  builder: MapDraftBuilder;
  fields: FieldLedger;
  report: ImportReport;
  touchpoints: Array<DraftEntity<TouchpointFields>>;
  blueprintLanes: Record<"evidence" | "onstage" | "backstage" | "support", string> | undefined;
}): string {
  const { node, lane, stepId, builder, fields, report } = input;
  const { raw, where } = node;
  fields.leaveUnknown(raw, NODE_FIELDS, "nodes[]");
  const title = fields.text(raw.title, `${where}.title`);
  const description = fields.text(raw.description, `${where}.description`);
  const sentiment = fields.text(raw.sentiment, `${where}.sentiment`)?.trim();
  const severity = fields.text(raw.severity, `${where}.severity`)?.trim();
  const body = join(title, description);
  if (raw.tags !== undefined) fields.leave("nodes[].tags", raw.tags, "cardsHaveNoTags");
  if (sentiment && node.score === undefined) fields.leave("nodes[].sentiment", sentiment, "feelingWithoutScore");
  if (severity && lane?.type !== "painPoints") fields.leave("nodes[].severity", severity, "onlyPainPointsHaveSeverity");
  if (raw.blueprint !== undefined) placeBlueprint(raw.blueprint, input);

  if (!lane) {
    if (body)
      report.dropped.push(droppedItem(where, { code: "noSwimlane", values: { id: String(raw.swimlaneId) } }, [body]));
    return sentiment ?? "";
  }
  if (lane.type === "emotion") {
    if (node.score === undefined && body)
      report.dropped.push(droppedItem(where, { code: "emotionWithoutScore", values: {} }, [body]));
    return join(body, sentiment && `(${sentiment})`);
  }
  if (!body) return sentiment ?? "";
  switch (lane.type) {
    case "actions":
      builder.addCard(lane.id, stepId, { kind: "action", text: body }, where);
      break;
    case "thoughts":
      builder.addCard(lane.id, stepId, { kind: "thought", text: body, question: /[?？؟]/.test(body) }, where);
      break;
    case "painPoints":
      builder.addCard(
        lane.id,
        stepId,
        { kind: "painPoint", text: body, severity: severityOf(node, severity, input) },
        where,
      );
      break;
    case "opportunities":
      builder.addCard(lane.id, stepId, { kind: "opportunity", text: body }, where);
      break;
    case "quotes":
      builder.addCard(lane.id, stepId, { kind: "quote", text: body }, where);
      break;
    case "frontstage":
    case "backstage":
      builder.addCard(lane.id, stepId, { kind: "process", text: body }, where);
      break;
    case "touchpoints": {
      const oldId = touchpointFor(title?.trim() || body, description ?? "", raw.tags, input);
      builder.addCard(lane.id, stepId, { kind: "touchpoint", touchpointId: oldId as never, note: "" }, where);
      break;
    }
    default:
      builder.addCard(lane.id, stepId, { kind: "text", text: body }, where);
  }
  return sentiment ?? "";
}

/** Severity 1…5 from the node's severity word, or from how negative its score is; the reading is reported. */
function severityOf(
  node: OpenJourneyNode,
  word: string | undefined,
  { fields, report }: { fields: FieldLedger; report: ImportReport },
): number {
  const known = SEVERITY[word?.toLowerCase() ?? ""];
  if (known) {
    addImportNote(report.notes, importNote(null, "note.severityWord", { word: word!, level: known }));
    return known;
  }
  if (word) fields.leave("nodes[].severity", word, "unknownSeverity");
  return node.score !== undefined && node.score < 0 ? Math.min(5, Math.max(1, Math.round(-node.score))) : 3;
}

/** Adds the catalogue touchpoint a touchpoint node stands for and returns its id in the draft. */
function touchpointFor(
  name: string,
  description: string,
  tags: unknown,
  {
    touchpoints,
    report,
    fields,
    node,
  }: {
    touchpoints: Array<DraftEntity<TouchpointFields>>;
    report: ImportReport;
    fields: FieldLedger;
    node: OpenJourneyNode;
  },
): string {
  const oldId = newId("tp_");
  const words = [name, ...(Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [])];
  const { guess, named } = guessChannel(words.join(" "));
  report.notes.push(
    guess
      ? importNote(node.where, "note.channelGuessed", { name, because: guess.because }, { channel: guess.id })
      : named.length
        ? importNote(node.where, "note.channelAmbiguous", { name }, { channels: named })
        : importNote(node.where, "note.channelNone", { name }),
  );
  if (name.length > 200) fields.leave(`${node.where}.title`, name, "touchpointNameTooLong", { max: 200 });
  if (description.length > 2000)
    fields.leave(`${node.where}.description`, description, "touchpointDescriptionTooLong", { max: 2000 });
  touchpoints.push({
    oldId,
    fields: {
      name: name.slice(0, 200),
      channelId: (guess?.id ?? "website") as ChannelId,
      description: description.slice(0, 2000),
      medium: guess?.medium ?? "digital",
      ownerTeam: "",
    },
  });
  return oldId;
}

const BLUEPRINT_PARTS = {
  evidence: new Set(["item", "type"]),
  onstage: new Set(["actor", "action"]),
  backstage: new Set(["actor", "action"]),
  support: new Set(["system", "description"]),
};

/** Puts the blueprint variant's evidence, onstage, backstage and support entries on their lanes. */
function placeBlueprint(
  blueprint: unknown,
  { node, stepId, builder, fields, blueprintLanes }: Parameters<typeof openJourneyCard>[0],
): void {
  const where = `${node.where}.blueprint`;
  if (!blueprint || typeof blueprint !== "object" || Array.isArray(blueprint) || !blueprintLanes)
    return fields.leave(where, blueprint, "expectedBlueprint");
  const bp = blueprint as Record<string, unknown>;
  fields.leaveUnknown(bp, new Set(Object.keys(BLUEPRINT_PARTS)), "nodes[].blueprint");
  for (const part of ["evidence", "onstage", "backstage", "support"] as const) {
    const entries = bp[part];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) {
      fields.leave(`${where}.${part}`, entries, "expectedList");
      continue;
    }
    entries.forEach((entry: unknown, j) => {
      const at = `${where}.${part}[${j}]`;
      if (!entry || typeof entry !== "object" || Array.isArray(entry)) return fields.leave(at, entry, "expectedObject");
      const e = entry as Record<string, unknown>;
      fields.leaveUnknown(e, BLUEPRINT_PARTS[part], `nodes[].blueprint.${part}[]`);
      const text = (key: string) => fields.text(e[key], `${at}.${key}`)?.trim() ?? "";
      const laneId = blueprintLanes[part];
      if (part === "evidence") {
        const [item, type] = [text("item"), text("type")];
        if (item || type)
          builder.addCard(laneId, stepId, { kind: "text", text: type ? `${item} (${type})` : item }, at);
      } else if (part === "support") {
        const [system, description] = [text("system"), text("description")];
        if (system || description)
          builder.addCard(laneId, stepId, { kind: "process", text: description || system, actor: system }, at);
      } else {
        const [actor, action] = [text("actor"), text("action")];
        if (actor || action) builder.addCard(laneId, stepId, { kind: "process", text: action, actor }, at);
      }
    });
  }
}
