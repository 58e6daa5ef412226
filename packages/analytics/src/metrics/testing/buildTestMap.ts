import {
  MAP_DOCUMENT_VERSION,
  MapSettingsSchema,
  MapSnapshotSchema,
  type MapSnapshot,
  type TouchpointRule,
} from "@opencjm/core";

/** A stage of a test map: its steps, each with the touchpoints on it. */
export interface TestStage {
  name: string;
  steps: Array<{ name: string; touchpoints?: string[]; parallel?: boolean }>;
}

/** Builds a map body with one touchpoints lane, ids derived from names (s_<stage>, p_<step>). */
export function buildTestMap(stages: TestStage[], title = "Test map"): MapSnapshot {
  const order = (i: number) => `a${String(i).padStart(3, "0")}`;
  const laneId = "lane_touchpoints";
  const cells: unknown[] = [];
  const steps: unknown[] = [];
  stages.forEach((stage, g) =>
    stage.steps.forEach((step, i) => {
      steps.push({
        id: `p_${step.name}`,
        stageId: `s_${stage.name}`,
        name: step.name,
        description: "",
        parallel: step.parallel ?? false,
        order: order(i),
      });
      if (step.touchpoints?.length) {
        cells.push({
          laneId,
          stepId: `p_${step.name}`,
          cards: step.touchpoints.map((tp, j) => ({
            id: `card_${g}_${i}_${j}`,
            order: order(j),
            kind: "touchpoint",
            touchpointId: tp,
            note: "",
            evidence: { level: "assumption", refs: [] },
          })),
        });
      }
    }),
  );
  return MapSnapshotSchema.parse({
    version: MAP_DOCUMENT_VERSION,
    settings: MapSettingsSchema.parse({ title, type: "currentState" }),
    stages: stages.map((s, g) => ({ id: `s_${s.name}`, name: s.name, description: "", order: order(g) })),
    steps,
    lanes: [{ id: laneId, type: "touchpoints", name: "Touchpoints", collapsed: false, hidden: false, order: order(0) }],
    cells,
    emotions: [],
  });
}

let ruleCounter = 0;
/** A touchpoint rule for tests; rules made later come later in order. */
export function testRule(
  touchpointId: string,
  match: Partial<Omit<TouchpointRule, "id" | "order" | "touchpointId">>,
): TouchpointRule {
  ruleCounter++;
  return {
    id: `rule_${ruleCounter}`,
    order: `a${String(ruleCounter).padStart(6, "0")}`,
    touchpointId: touchpointId as TouchpointRule["touchpointId"],
    eventNames: [],
    conditions: [],
    ...match,
  };
}
