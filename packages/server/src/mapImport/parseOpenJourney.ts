import { LANE_NAMES, newId, PersonaFieldsSchema, type LaneType, type TouchpointFields } from "@opencjm/core";
import { z } from "zod";
import { droppedItem } from "./dropReason.js";
import { FieldLedger } from "./FieldLedger.js";
import { importFileError, pathOf } from "./importFileError.js";
import { emptyReport, type DraftEntity, type ImportDraft } from "./ImportDraft.js";
import { importNote } from "./importNote.js";
import { laneTypeForName } from "./laneTypeForName.js";
import { MapDraftBuilder } from "./MapDraftBuilder.js";
import { openJourneyCard, type OpenJourneyNode } from "./openJourneyCard.js";
import { placeOpenJourneySteps } from "./placeOpenJourneySteps.js";
import { distinctTexts } from "./stringLeaves.js";

const Id = z.union([z.string(), z.number()]).transform(String);
const Item = z.looseObject({ id: Id });
const Node = z.looseObject({ id: Id.optional(), stageId: Id, swimlaneId: Id });
/** An OpenJourney file: `{version, persona, pointOfView, …}` at the root, or the variant with a `metadata` root. */
const OpenJourneySchema = z.looseObject({
  stages: z.array(Item).max(1000),
  swimlanes: z.array(Item).max(1000),
  nodes: z.array(Node).max(100_000),
});

const ROOT_FIELDS = new Set(["version", "title", "persona", "pointOfView", "metadata", "stages", "swimlanes", "nodes"]);
const METADATA_FIELDS = new Set(["title", "persona", "pov", "version"]);
const ITEM_FIELDS = new Set(["id", "name"]);
const SCORE_RANGE = { min: -5, max: 5 };

/**
 * Reads an OpenJourney (.ojf) map. Stages become stages, swimlanes lanes whose type is read from their name, nodes
 * cards. Every node with a score is a point of the persona's emotion curve at that node's own step: a stage with one
 * scored node has one step, a stage with several has a step per scored node (in file order, named after it), and the
 * nodes without a score join the step before them. Nodes of an emotion lane give the curve its notes. The blueprint
 * variant's evidence, onstage, backstage and support entries become service-blueprint lanes. Every text the map
 * cannot hold is listed in the report with the reason; nothing is left out silently.
 */
export function parseOpenJourney(json: unknown, fileName = "file"): ImportDraft {
  const parsed = OpenJourneySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw importFileError(pathOf(issue?.path ?? []) || "file", issue?.message ?? "not an OpenJourney map");
  }
  const ojf = parsed.data;
  const report = emptyReport();
  const fields = new FieldLedger(report);
  const meta =
    ojf.metadata && typeof ojf.metadata === "object" && !Array.isArray(ojf.metadata)
      ? (ojf.metadata as Record<string, unknown>)
      : {};
  if (ojf.metadata !== undefined && meta !== ojf.metadata) fields.leave("metadata", ojf.metadata, "expectedObject");
  fields.leaveUnknown(ojf, ROOT_FIELDS, "");
  fields.leaveUnknown(meta, METADATA_FIELDS, "metadata");
  /** The first of two places a value may be written; a second, different value is reported. */
  const either = (key: string, metaKey: string): string => {
    const inMeta = fields.text(meta[metaKey], `metadata.${metaKey}`)?.trim();
    const atRoot = fields.text(ojf[key], key)?.trim();
    if (inMeta && atRoot && inMeta !== atRoot) fields.leave(key, atRoot, "givenInMetadata", { field: metaKey });
    return inMeta || atRoot || "";
  };
  report.fromVersion = either("version", "version") || null;
  const personaName = either("persona", "persona");
  const pov = either("pointOfView", "pov");
  const title = either("title", "title") || pov || personaName || fileName;
  if (personaName.length > 120) fields.leave("persona", personaName, "personaNameTooLong", { max: 120 });
  if (title.length > 200) fields.leave("title", title, "mapTitleTooLong", { max: 200 });
  if (pov.length > 2000) fields.leave("pointOfView", pov, "mapGoalTooLong", { max: 2000 });

  const builder = new MapDraftBuilder(report);
  const personaId = newId("per_");
  const nameOf = (item: Record<string, unknown>, where: string) => (fields.text(item.name, where) ?? "").trim();
  ojf.stages.forEach((s) => fields.leaveUnknown(s, ITEM_FIELDS, "stages[]"));
  ojf.swimlanes.forEach((s) => fields.leaveUnknown(s, ITEM_FIELDS, "swimlanes[]"));

  const lanes = new Map<string, { id: string; type: LaneType }>();
  ojf.swimlanes.forEach((lane, i) => {
    const name = nameOf(lane, `swimlanes[${i}].name`);
    const type = laneTypeForName(name);
    lanes.set(lane.id, { id: builder.addLane(type, name || LANE_NAMES[type].en), type });
    report.notes.push(importNote(`swimlanes[${i}]`, "note.swimlaneType", { name }, { laneType: type }));
  });
  const nodes: OpenJourneyNode[] = [];
  ojf.nodes.forEach((raw, i) => {
    const where = `nodes[${i}]`;
    const node = { raw, where, score: scoreOf(raw.score, where, fields) };
    if (!ojf.stages.some((s) => s.id === raw.stageId))
      report.dropped.push(
        droppedItem(where, { code: "noStage", values: { id: String(raw.stageId) } }, textsOfNode(raw)),
      );
    else if (!lanes.has(raw.swimlaneId) && !raw.blueprint)
      report.dropped.push(
        droppedItem(where, { code: "noSwimlane", values: { id: String(raw.swimlaneId) } }, textsOfNode(raw)),
      );
    else nodes.push(node);
  });
  const stepOf = placeOpenJourneySteps(
    ojf.stages.map((s, i) => ({ id: s.id, name: nameOf(s, `stages[${i}].name`) })),
    nodes.map((n) => ({
      stageId: n.raw.stageId,
      scored: n.score !== undefined,
      title: fields.text(n.raw.title, `${n.where}.title`)?.trim() ?? "",
    })),
    builder,
  );

  const blueprint = nodes.some((n) => n.raw.blueprint !== undefined);
  const blueprintLanes = blueprint ? addBlueprintLanes(builder) : undefined;
  if (![...lanes.values()].some((l) => l.type === "emotion") && nodes.some((n) => n.score !== undefined)) {
    builder.addLane("emotion", LANE_NAMES.emotion.en);
    report.notes.push(importNote(null, "note.scoresToEmotions"));
  }
  const touchpoints: Array<DraftEntity<TouchpointFields>> = [];
  nodes.forEach((node, i) => {
    const stepId = stepOf[i]!;
    const lane = lanes.get(node.raw.swimlaneId);
    const emotion = openJourneyCard({ node, lane, stepId, builder, fields, report, touchpoints, blueprintLanes });
    if (node.score === undefined) return;
    const value = Math.min(SCORE_RANGE.max, Math.max(SCORE_RANGE.min, node.score));
    if (value !== node.score)
      report.notes.push(
        importNote(node.where, "note.scoreClamped", {
          value: node.score,
          min: SCORE_RANGE.min,
          max: SCORE_RANGE.max,
          kept: value,
        }),
      );
    builder.setEmotion(personaId, stepId, value, emotion);
  });
  fields.close();
  const snapshot = builder.build({
    title: title.slice(0, 200),
    type: blueprint ? "serviceBlueprint" : "currentState",
    goal: pov.slice(0, 2000),
    personaIds: [personaId],
    emotionScale: SCORE_RANGE,
    locale: "en",
  });
  return {
    format: "ojf",
    snapshot,
    personas: [
      { oldId: personaId, fields: PersonaFieldsSchema.parse({ name: personaName.slice(0, 120) || "Customer" }) },
    ],
    touchpoints,
    report,
  };
}

/** A node's score: a number, or a number written as text; anything else is reported. */
function scoreOf(value: unknown, where: string, fields: FieldLedger): number | undefined {
  if (value === undefined || value === null) return undefined;
  const score = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  if (Number.isFinite(score) && value !== "") return score;
  fields.leave(`${where}.score`, value, "scoreOutOfRange");
  return undefined;
}

/** The texts of a node left out whole (its ids excepted: they only placed it). */
function textsOfNode(raw: Record<string, unknown>): string[] {
  const { id: _id, stageId: _s, swimlaneId: _l, ...rest } = raw;
  return distinctTexts([rest]);
}

/** The lanes of the blueprint variant's evidence, onstage, backstage and support entries. */
function addBlueprintLanes(builder: MapDraftBuilder) {
  return {
    evidence: builder.addLane("text", "Physical evidence"),
    onstage: builder.addLane("frontstage", LANE_NAMES.frontstage.en),
    backstage: builder.addLane("backstage", LANE_NAMES.backstage.en),
    support: builder.addLane("support", LANE_NAMES.support.en),
  };
}
