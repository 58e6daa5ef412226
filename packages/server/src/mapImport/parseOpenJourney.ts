import {
  LANE_NAMES,
  newId,
  PersonaFieldsSchema,
  type CardContentInput,
  type ChannelId,
  type LaneType,
  type TouchpointFields,
} from "@opencjm/core";
import { z } from "zod";
import { guessChannel } from "./guessChannel.js";
import { importFileError, pathOf } from "./importFileError.js";
import { emptyReport, type DraftEntity, type ImportDraft } from "./ImportDraft.js";
import { MapDraftBuilder } from "./MapDraftBuilder.js";

const text = z.string().max(20_000).catch("");
const Item = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().max(200).catch(""),
});
const Node = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  stageId: z.union([z.string(), z.number()]).transform(String),
  swimlaneId: z.union([z.string(), z.number()]).transform(String),
  title: text.optional(),
  description: text.optional(),
  score: z.number().finite().optional().catch(undefined),
  severity: z.string().optional().catch(undefined),
  tags: z.array(z.string()).optional().catch(undefined),
  blueprint: z
    .looseObject({
      evidence: z.array(z.looseObject({ item: text.optional(), type: text.optional() })).default([]),
      onstage: z.array(z.looseObject({ actor: text.optional(), action: text.optional() })).default([]),
      backstage: z.array(z.looseObject({ actor: text.optional(), action: text.optional() })).default([]),
      support: z.array(z.looseObject({ system: text.optional(), description: text.optional() })).default([]),
    })
    .optional(),
});
/** An OpenJourney file: `{version, persona, pointOfView, …}` at the root, or the variant with a `metadata` root. */
const OpenJourneySchema = z.looseObject({
  version: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  persona: z.string().optional().catch(undefined),
  pointOfView: z.string().optional().catch(undefined),
  metadata: z
    .looseObject({
      title: z.string().optional(),
      persona: z.string().optional(),
      pov: z.string().optional(),
      version: z.string().optional(),
    })
    .optional(),
  stages: z.array(Item).max(1000),
  swimlanes: z.array(Item).max(1000),
  nodes: z.array(Node).max(100_000),
});

const USED_ROOT = new Set(["version", "title", "persona", "pointOfView", "metadata", "stages", "swimlanes", "nodes"]);
const USED_NODE = new Set(["id", "stageId", "swimlaneId", "title", "description", "score", "severity", "blueprint"]);

// Swimlane names of OpenJourney maps are free text; these words tell which of our lane types a lane is.
const LANE_WORDS: Array<[LaneType, RegExp]> = [
  ["emotion", /emotion|feel|sentiment|mood|health|satisfaction/i],
  ["painPoints", /pain|issue|roadblock|blocker|problem|frustrat|barrier|friction/i],
  ["opportunities", /opportunit|idea|improvement/i],
  ["touchpoints", /touchpoint|channel|tool|device|platform/i],
  ["thoughts", /thought|question|thinking/i],
  ["quotes", /quote|verbatim|says/i],
  ["frontstage", /frontstage|onstage/i],
  ["backstage", /backstage/i],
  ["actions", /action|activit|interaction|journey|doing|task|step/i],
];

/** Our lane type for an OpenJourney swimlane name (text when nothing fits). */
export function laneTypeForName(name: string): LaneType {
  return LANE_WORDS.find(([, re]) => re.test(name))?.[0] ?? "text";
}

const SEVERITY: Record<string, number> = { low: 2, medium: 3, high: 4, critical: 5 };

/** Severity 1…5 from an OpenJourney severity word, or from how negative the node's score is. */
function severityOf(node: z.infer<typeof Node>): number {
  const word = SEVERITY[node.severity?.toLowerCase() ?? ""];
  if (word) return word;
  return node.score !== undefined && node.score < 0 ? Math.min(5, Math.max(1, Math.round(-node.score))) : 3;
}

function join(...parts: Array<string | undefined>): string {
  return parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * Reads an OpenJourney (.ojf) map. Each stage becomes a stage with one step, each swimlane a lane whose type is read
 * from its name, each node a card (or an emotion point on an emotional lane); node scores (−5…5) give the persona's
 * emotion curve where no emotional lane speaks. The blueprint variant's evidence, onstage, backstage and support
 * entries become service-blueprint lanes. Fields we cannot hold are reported, never fatal.
 */
export function parseOpenJourney(json: unknown, fileName = "file"): ImportDraft {
  const parsed = OpenJourneySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw importFileError(pathOf(issue?.path ?? []) || "file", issue?.message ?? "not an OpenJourney map");
  }
  const ojf = parsed.data;
  const report = emptyReport(ojf.metadata?.version ?? ojf.version ?? null);
  for (const key of Object.keys(ojf)) if (!USED_ROOT.has(key)) report.dropped.push(key);
  const unusedNodeFields = new Map<string, number>();
  ojf.nodes.forEach((n) =>
    Object.keys(n).forEach((k) => USED_NODE.has(k) || unusedNodeFields.set(k, (unusedNodeFields.get(k) ?? 0) + 1)),
  );
  for (const [key, count] of unusedNodeFields)
    report.dropped.push(`nodes[].${key} (${count} node${count === 1 ? "" : "s"})`);

  const personaName = (ojf.metadata?.persona ?? ojf.persona ?? "").trim().slice(0, 120) || "Customer";
  const personaId = newId("per_");
  const pov = (ojf.metadata?.pov ?? ojf.pointOfView ?? "").trim();
  const title = (ojf.metadata?.title ?? ojf.title ?? pov ?? "").trim() || personaName || fileName;
  const builder = new MapDraftBuilder();
  const steps = new Map<string, string>();
  for (const stage of ojf.stages) steps.set(stage.id, builder.addStep(builder.addStage(stage.name), stage.name));
  const lanes = new Map<string, { id: string; type: LaneType }>();
  for (const lane of ojf.swimlanes) {
    const type = laneTypeForName(lane.name);
    lanes.set(lane.id, { id: builder.addLane(type, lane.name), type });
    report.notes.push(`swimlane "${lane.name}" → ${type} lane`);
  }
  const hasBlueprint = ojf.nodes.some((n) => n.blueprint);
  const blueprintLane = (type: LaneType, name: string) => (hasBlueprint ? builder.addLane(type, name) : "");
  const evidenceLane = blueprintLane("text", "Physical evidence");
  const [front, back, support] = (["frontstage", "backstage", "support"] as const).map((t) =>
    blueprintLane(t, LANE_NAMES[t].en),
  );

  const touchpoints: Array<DraftEntity<TouchpointFields>> = [];
  const feelings = new Map<string, { lane: number[]; all: number[]; notes: string[] }>();
  ojf.nodes.forEach((node, i) => {
    const where = `nodes[${i}]`;
    const stepId = steps.get(node.stageId);
    const lane = lanes.get(node.swimlaneId);
    if (!stepId) return void report.dropped.push(`${where} (unknown stage "${node.stageId}")`);
    const feeling = feelings.get(stepId) ?? { lane: [], all: [], notes: [] };
    feelings.set(stepId, feeling);
    if (node.score !== undefined) feeling.all.push(node.score);
    const body = join(node.title, node.description);
    if (!lane) report.dropped.push(`${where} (unknown swimlane "${node.swimlaneId}")`);
    else if (lane.type === "emotion") {
      if (node.score !== undefined) feeling.lane.push(node.score);
      if (body) feeling.notes.push(join(node.title) || body);
    } else if (body) builder.addCard(lane.id, stepId, cardFor(lane.type, node, body, touchpoints), where);
    const bp = node.blueprint;
    if (!bp) return;
    bp.evidence.forEach(
      (e, j) =>
        e.item &&
        builder.addCard(
          evidenceLane,
          stepId,
          { kind: "text", text: e.type ? `${e.item} (${e.type})` : e.item },
          `${where}.blueprint.evidence[${j}]`,
        ),
    );
    bp.onstage.forEach(
      (e, j) =>
        e.action &&
        builder.addCard(
          front!,
          stepId,
          { kind: "process", text: e.action, actor: e.actor ?? "" },
          `${where}.blueprint.onstage[${j}]`,
        ),
    );
    bp.backstage.forEach(
      (e, j) =>
        e.action &&
        builder.addCard(
          back!,
          stepId,
          { kind: "process", text: e.action, actor: e.actor ?? "" },
          `${where}.blueprint.backstage[${j}]`,
        ),
    );
    bp.support.forEach(
      (e, j) =>
        (e.description || e.system) &&
        builder.addCard(
          support!,
          stepId,
          { kind: "process", text: e.description || e.system || "", actor: e.system ?? "" },
          `${where}.blueprint.support[${j}]`,
        ),
    );
  });

  const hasEmotionLane = [...lanes.values()].some((l) => l.type === "emotion");
  const scored = [...feelings.values()].some((f) => f.all.length > 0);
  if (!hasEmotionLane && scored) {
    builder.addLane("emotion", LANE_NAMES.emotion.en);
    report.notes.push("node scores → emotion curve of the persona");
  }
  for (const [stepId, f] of feelings) {
    const values = f.lane.length ? f.lane : f.all;
    if (values.length === 0) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    builder.setEmotion(personaId, stepId, Math.round(Math.min(5, Math.max(-5, mean)) * 10) / 10, f.notes.join("; "));
  }
  const snapshot = builder.build({
    title: title.slice(0, 200),
    type: hasBlueprint ? "serviceBlueprint" : "currentState",
    goal: pov.slice(0, 2000),
    personaIds: [personaId],
    emotionScale: { min: -5, max: 5 },
    locale: "en",
  });
  return {
    format: "ojf",
    snapshot,
    personas: [{ oldId: personaId, fields: PersonaFieldsSchema.parse({ name: personaName }) }],
    touchpoints,
    report,
  };
}

/** The card a node becomes on a lane of a given type; touchpoint nodes also bring a catalogue touchpoint. */
function cardFor(
  type: LaneType,
  node: z.infer<typeof Node>,
  body: string,
  touchpoints: Array<DraftEntity<TouchpointFields>>,
): CardContentInput {
  switch (type) {
    case "actions":
      return { kind: "action", text: body };
    case "thoughts":
      return { kind: "thought", text: body, question: body.includes("?") };
    case "painPoints":
      return { kind: "painPoint", text: body, severity: severityOf(node) };
    case "opportunities":
      return { kind: "opportunity", text: body };
    case "quotes":
      return { kind: "quote", text: body };
    case "frontstage":
    case "backstage":
      return { kind: "process", text: body };
    case "touchpoints": {
      const oldId = newId("tp_");
      const channel = guessChannel([node.title ?? "", ...(node.tags ?? [])].join(" "));
      touchpoints.push({
        oldId,
        fields: {
          name: (node.title || body).slice(0, 200),
          channelId: channel.id as ChannelId,
          description: (node.description ?? "").slice(0, 2000),
          medium: channel.medium,
          ownerTeam: "",
        },
      });
      return { kind: "touchpoint", touchpointId: oldId as never, note: "" };
    }
    default:
      return { kind: "text", text: body };
  }
}
