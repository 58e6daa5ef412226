import type { MapJourneys, MapJourneyStep, UnmappedJourneyStep } from "../contract/researchJourneys.js";

/** One participant's journey as the aggregation reads it: steps in the order they went, emotions −3…+3. */
export interface JourneyToAggregate {
  participantId: string;
  participantCode: string;
  /** `note`: what the participant wrote on the step of their journey, if anything. */
  steps: ReadonlyArray<{ stepId: string | null; name: string; emotion: number; note?: string }>;
}

/** A step name as participants' words are compared: NFKC, lower case, spaces folded ("Compare  Prices" = "compare prices"). */
export function foldStepName(name: string): string {
  return name.normalize("NFKC").toLocaleLowerCase().replace(/\s+/gu, " ").trim();
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Per key, per participant, the emotions they had there (a step passed twice counts once, with its mean). */
class PerParticipant {
  readonly byKey = new Map<string, Map<string, number[]>>();
  add(key: string, participantId: string, emotion: number): void {
    const who = this.byKey.get(key) ?? new Map<string, number[]>();
    const emotions = who.get(participantId);
    if (emotions) emotions.push(emotion);
    else who.set(participantId, [emotion]);
    this.byKey.set(key, who);
  }
  /** Each participant's mean emotion at the key. */
  means(key: string): Map<string, number> {
    return new Map([...(this.byKey.get(key) ?? [])].map(([id, values]) => [id, mean(values)]));
  }
}

/**
 * Aggregates participants' own journeys onto a map (PRODUCT.md §4.5): for each of the map's steps (in `mapStepIds`
 * order) how many of the participants went through it ("7 of 10"), with their codes and the spread of their
 * emotions; and the steps they took that the map lacks (named steps, or steps since deleted from the map), grouped by
 * folded name, each with the map step most of them took just before it. Participants count when their journey has at
 * least one step.
 */
export function aggregateJourneys(
  mapStepIds: readonly string[],
  journeys: readonly JourneyToAggregate[],
): Omit<MapJourneys, "mapId"> {
  const onMap = new Set(mapStepIds);
  const order = new Map(mapStepIds.map((id, i) => [id, i]));
  const counted = journeys.filter((j) => j.steps.length > 0);
  const codes = new Map(counted.map((j) => [j.participantId, j.participantCode]));
  const mapped = new PerParticipant();
  const unmapped = new PerParticipant();
  // Each folded name's spellings: how many used each, and the first participant code (in code order) that did.
  const spellings = new Map<string, Map<string, { count: number; code: string }>>();
  const before = new Map<string, Map<string | null, number>>();
  const notes = new Map<string, Array<{ participantCode: string; note: string }>>();
  for (const journey of counted) {
    let previous: string | null = null;
    for (const step of journey.steps) {
      if (step.stepId !== null && onMap.has(step.stepId)) {
        mapped.add(step.stepId, journey.participantId, step.emotion);
        const note = step.note?.trim();
        if (note)
          notes.set(step.stepId, [
            ...(notes.get(step.stepId) ?? []),
            { participantCode: journey.participantCode, note },
          ]);
        previous = step.stepId;
        continue;
      }
      const key = foldStepName(step.name);
      const spelling = step.name.trim().replace(/\s+/gu, " ");
      const used = spellings.get(key) ?? new Map<string, { count: number; code: string }>();
      const seen = used.get(spelling);
      const code = journey.participantCode;
      used.set(spelling, { count: (seen?.count ?? 0) + 1, code: seen && seen.code < code ? seen.code : code });
      spellings.set(key, used);
      unmapped.add(key, journey.participantId, step.emotion);
      const votes = before.get(key) ?? new Map<string | null, number>();
      votes.set(previous, (votes.get(previous) ?? 0) + 1);
      before.set(key, votes);
    }
  }
  const codesOf = (ids: Iterable<string>) =>
    [...ids].map((id) => codes.get(id) ?? id).sort((a, b) => a.localeCompare(b));
  const steps: MapJourneyStep[] = mapStepIds.map((stepId) => {
    const means = mapped.means(stepId);
    const emotions = [...means.values()].sort((a, b) => a - b);
    return {
      stepId,
      participants: means.size,
      participantCodes: codesOf(means.keys()),
      emotions,
      min: emotions.length > 0 ? emotions[0]! : null,
      max: emotions.length > 0 ? emotions.at(-1)! : null,
      mean: emotions.length > 0 ? mean(emotions) : null,
      notes: (notes.get(stepId) ?? []).sort((a, b) => a.participantCode.localeCompare(b.participantCode)),
    };
  });
  const rank = (id: string | null) => (id === null ? -1 : (order.get(id) ?? -1));
  const lacking: UnmappedJourneyStep[] = [...unmapped.byKey.keys()].map((key) => {
    const means = unmapped.means(key);
    // Most votes wins; a tie goes to the earlier place on the map, so the answer does not depend on input order.
    const [afterStepId] = [...before.get(key)!].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]!;
    // The spelling most of them wrote; a tie goes to the participant whose code comes first (never input order).
    const [name] = [...spellings.get(key)!].sort(
      (a, b) => b[1].count - a[1].count || a[1].code.localeCompare(b[1].code) || a[0].localeCompare(b[0]),
    )[0]!;
    return {
      name,
      participants: means.size,
      participantCodes: codesOf(means.keys()),
      mean: mean([...means.values()]),
      afterStepId,
    };
  });
  lacking.sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name));
  return { participants: counted.length, steps, unmapped: lacking };
}
