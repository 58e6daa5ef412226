import type { JourneyStore } from "../store/JourneyStore.js";
import { eventNameMatcher } from "./eventNameMatcher.js";
import { propertiesMatch } from "./propertiesMatch.js";
import type { TouchpointRule } from "@opencjm/core";

/** The rules compiled against a store's dictionaries: which touchpoint each event key is, without per-event string work. */
export interface CompiledRules {
  /** Touchpoints by index: those the rules name (in rule order), then `extraTouchpointIds` not named by any rule. */
  touchpointIds: string[];
  /** Per key: touchpoint index, -1 when no rule matches, -2 when property conditions decide per event. */
  touchpointOfKey: Int32Array;
  /** For keys decided by properties: candidate rules in order (CSR; the last may be unconditional). */
  candidateStart: Int32Array;
  candidateRule: Int32Array;
  ruleTouchpoint: Int32Array;
  /** Per rule with conditions: 1 for each distinct properties object that satisfies them. */
  ruleProperties: Uint8Array[];
  /** Per rule: 1 when an event without properties satisfies it (no conditions, or only `neq`). */
  ruleMatchesNone: Uint8Array;
}

/** Rules in the order they are tried: by fractional `order`, ties by id. */
export function sortRules<T extends { id: string; order: string }>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * Applies touchpoint rules to every distinct (event name, channel) of the store: the first rule (in order) whose names
 * or pattern and channel match decides, unless it has property conditions, in which case each event's properties are
 * checked against that rule and the ones after it.
 */
export function compileTouchpointRules(
  store: Pick<JourneyStore, "eventNames" | "channels" | "keyName" | "keyChannel" | "hasProperties" | "properties">,
  rules: readonly TouchpointRule[],
  extraTouchpointIds: readonly string[] = [],
): CompiledRules {
  const ordered = sortRules(rules);
  const touchpointIds: string[] = [];
  const tpIndex = new Map<string, number>();
  const indexOf = (id: string) => {
    let i = tpIndex.get(id);
    if (i === undefined) tpIndex.set(id, (i = touchpointIds.push(id) - 1));
    return i;
  };
  const ruleTouchpoint = Int32Array.from(ordered, (r) => indexOf(r.touchpointId));
  for (const id of extraTouchpointIds) indexOf(id);

  const nameMatches = ordered.map((r) => {
    const match = eventNameMatcher(r);
    return Uint8Array.from(store.eventNames, (n) => (match(n) ? 1 : 0));
  });
  const keyCount = store.keyName.length;
  const touchpointOfKey = new Int32Array(keyCount).fill(-1);
  const candidateStart = new Int32Array(keyCount + 1);
  const candidates: number[] = [];
  for (let k = 0; k < keyCount; k++) {
    candidateStart[k] = candidates.length;
    const name = store.keyName[k]!;
    const channel = store.keyChannel[k]! < 0 ? undefined : store.channels[store.keyChannel[k]!];
    const mine: number[] = [];
    for (let r = 0; r < ordered.length; r++) {
      const rule = ordered[r]!;
      if (nameMatches[r]![name] !== 1 || (rule.channel !== undefined && rule.channel !== channel)) continue;
      mine.push(r);
      if (rule.conditions.length === 0) break;
    }
    if (mine.length === 1 && ordered[mine[0]!]!.conditions.length === 0) touchpointOfKey[k] = ruleTouchpoint[mine[0]!]!;
    else if (mine.length > 0) {
      touchpointOfKey[k] = -2;
      candidates.push(...mine);
    }
  }
  candidateStart[keyCount] = candidates.length;

  const needsProperties = ordered.some((r) => r.conditions.length > 0);
  const parsed = needsProperties && store.hasProperties ? store.properties().map(parseObject) : [];
  const ruleProperties = ordered.map((r) =>
    r.conditions.length === 0
      ? new Uint8Array(0)
      : Uint8Array.from(parsed, (p) => (propertiesMatch(p, r.conditions) ? 1 : 0)),
  );
  const ruleMatchesNone = Uint8Array.from(ordered, (r) => (propertiesMatch(undefined, r.conditions) ? 1 : 0));
  return {
    touchpointIds,
    touchpointOfKey,
    candidateStart,
    candidateRule: Int32Array.from(candidates),
    ruleTouchpoint,
    ruleProperties,
    ruleMatchesNone,
  };
}

/** A properties value as an object; anything else (an array, a string) has no named properties. */
function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
