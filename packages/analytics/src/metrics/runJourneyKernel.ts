import type { JourneyStore } from "../store/JourneyStore.js";
import { createKernelPartial, LANGUAGE_COUNT, QUOTE_SLOTS, type KernelPartial } from "./KernelPartial.js";
import type { KernelPlan } from "./KernelPlan.js";

/** The store columns the kernel reads (all typed arrays, shareable with worker threads). */
export type KernelColumns = Pick<JourneyStore, "offsets" | "ts" | "key" | "scorePos" | "scoreValue" | "scoreKind" | "textPos" | "textId" | "textSentiment" | "textLanguage"> & {
  /** Per event properties id; empty when no rule needs properties. */
  propertiesId: Int32Array;
};

/** First index in a sorted array whose value is ≥ `value`. */
function lowerBound(a: Int32Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The one pass (PRODUCT.md §4.6): walks the journeys of customers `from`…`to-1` once, event by event in time order,
 * and fills every counter of every metric at the same time. Semantics are documented in packages/analytics/README.md;
 * the SQL oracle in queries/ computes the same numbers independently.
 */
export function runJourneyKernel(columns: KernelColumns, plan: KernelPlan, keyCount: number, from: number, to: number): KernelPartial {
  const out = createKernelPartial(plan, keyCount);
  const { offsets, ts, key, scorePos, scoreValue, scoreKind, textPos, textId, textSentiment, textLanguage, propertiesId } = columns;
  const { stepLevel, stepStage, levelStart, activityOfKey, candidateStart, candidateRule, ruleActivity, ruleProperties, ruleMatchesNone, fallbackOfKey, nodeOfActivity, stepOfActivity, customerMask } = plan;
  const { fromMs, toMs, windowMs, gapMs, strict, sankeyDepth, levelCount, nodeCount: N } = plan;
  const S = plan.stepCount;
  const T = plan.touchpointCount;
  const G = plan.stageCount;
  const lastLevel = levelCount - 1;
  const lastStage = G - 1;

  const { keyEvents, keyCustomers, activityEvents, activityCustomers, activityTimeMs, activityPositionSum } = out;
  const { stepEvents, stepCustomers, stepTimeMs, stepConverted, stepSkipped, stepRevisits, stepToNext } = out;
  const { stageCustomers, stageConverted, stageToNext, stageBackSteps, stageBackStepCustomers, stageLoops, stageLoopCustomers } = out;
  const { funnelLevels, funnelStages, scoreSum, scoreCount, npsPromoters, npsDetractors } = out;
  const { sentimentSum, sentimentCount, sentimentLanguages, quoteSentiment, quotePosition, quoteText } = out;
  const { nodeEvents, nodeCustomers, nodeStarts, nodeEnds, edges, variants, sankeyNodes, sankeyLinks } = out;

  // Per-customer scratch, reset by stamping with the customer number instead of clearing.
  const keyStamp = new Int32Array(keyCount).fill(-1);
  const activityStamp = new Int32Array(plan.activityCount).fill(-1);
  const activityFirst = new Int32Array(plan.activityCount);
  const touchedActivities = new Int32Array(plan.activityCount);
  const nodeStamp = new Int32Array(N).fill(-1);
  const stepStamp = new Int32Array(S).fill(-1);
  const stepFirstTs = new Float64Array(S);
  const skipStamp = new Int32Array(S).fill(-1);
  const stageStamp = new Int32Array(G).fill(-1);
  const stageFirstTs = new Float64Array(G);
  const backStamp = new Int32Array(G).fill(-1);
  const loopStamp = new Int32Array(G).fill(-1);
  const pendingSteps = new Int32Array(S);
  const pendingStages = new Int32Array(G);
  let seq = new Int32Array(256);

  let sc = lowerBound(scorePos, offsets[from]!);
  let tc = lowerBound(textPos, offsets[from]!);
  const scoreN = scorePos.length;
  const textN = textPos.length;

  for (let c = from; c < to; c++) {
    if (customerMask !== undefined && customerMask[c] === 0) continue;
    const start = offsets[c]!;
    const end = offsets[c + 1]!;
    if (start === end) continue;
    if (seq.length < end - start) seq = new Int32Array(end - start);

    let kept = 0;
    let prevTs = 0;
    let prevActivity = -1;
    let prevStep = -1;
    let sessionStart = 0;
    let sessionEvents = 0;
    let activityRun = -1;
    let activityLength = 0;
    let touched = 0;
    let pathPrev = -1;
    let pathPrevTs = 0;
    let seqLength = 0;
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    let pendingStepCount = 0;
    let pendingStageCount = 0;
    let funnelState = 0;
    let funnelLevel = 0;
    let funnelStart = 0;
    let stageFunnelState = 0;
    let stageFunnelLevel = 0;
    let stageFunnelStart = 0;
    let confPrev = -1;
    let onMap = false;
    let unmapped = false;
    let hasSkip = false;
    let hasBack = false;
    let hasLoop = false;

    for (let i = start; i < end; i++) {
      const t = ts[i]!;
      if (t < fromMs || t >= toMs) continue;
      const k = key[i]!;
      let a = activityOfKey[k]!;
      if (a === -1) continue;
      if (a === -2) {
        const p = propertiesId[i]!;
        a = fallbackOfKey[k]!;
        for (let r = candidateStart[k]!; r < candidateStart[k + 1]!; r++) {
          const rule = candidateRule[r]!;
          if (p < 0 ? ruleMatchesNone[rule] === 1 : ruleProperties[rule]![p] === 1) {
            a = ruleActivity[rule]!;
            break;
          }
        }
      }

      // Time spent at the previous event: the gap to this one, unless the gap ends the session.
      if (kept > 0) {
        const gap = t - prevTs;
        if (gap <= gapMs) {
          activityTimeMs[prevActivity]! += gap;
          if (prevStep >= 0) stepTimeMs[prevStep]! += gap;
          sessionEvents++;
        } else {
          out.sessions++;
          out.sessionDurationMs += prevTs - sessionStart;
          out.sessionEvents += sessionEvents;
          sessionStart = t;
          sessionEvents = 1;
        }
      } else {
        sessionStart = t;
        sessionEvents = 1;
      }
      kept++;
      prevTs = t;
      prevActivity = a;

      if (a >= T) {
        // Unmapped: no rule said which touchpoint this event is; listed by (event name, channel).
        unmapped = true;
        keyEvents[k]!++;
        if (keyStamp[k] !== c) {
          keyStamp[k] = c;
          keyCustomers[k]!++;
        }
      }
      activityEvents[a]!++;
      if (a !== activityRun) {
        if (activityStamp[a] !== c) {
          activityStamp[a] = c;
          activityCustomers[a]!++;
          activityFirst[a] = activityLength;
          touchedActivities[touched++] = a;
        }
        activityLength++;
        activityRun = a;
      }

      const s = stepOfActivity[a]!;
      prevStep = s;
      if (s >= 0) {
        onMap = true;
        stepEvents[s]!++;
        const level = stepLevel[s]!;
        const g = stepStage[s]!;
        const firstVisit = stepStamp[s] !== c;

        // Conversion of earlier steps and stages to their next one.
        let w = 0;
        for (let j = 0; j < pendingStepCount; j++) {
          const p = pendingSteps[j]!;
          const dt = t - stepFirstTs[p]!;
          if (dt > windowMs) continue;
          const lp = stepLevel[p]!;
          if (lp + 1 === level) {
            stepConverted[p]!++;
            stepToNext[p]!.push(dt);
            continue;
          }
          if (strict && lp !== level) continue;
          pendingSteps[w++] = p;
        }
        pendingStepCount = w;
        w = 0;
        for (let j = 0; j < pendingStageCount; j++) {
          const p = pendingStages[j]!;
          const dt = t - stageFirstTs[p]!;
          if (dt > windowMs) continue;
          if (p + 1 === g) {
            stageConverted[p]!++;
            stageToNext[p]!.push(dt);
            continue;
          }
          if (strict && p !== g) continue;
          pendingStages[w++] = p;
        }
        pendingStageCount = w;

        // Conformance over the step sequence with consecutive repeats collapsed.
        if (s !== confPrev) {
          if (confPrev >= 0) {
            const lp = stepLevel[confPrev]!;
            if (level - lp > 1) {
              hasSkip = true;
              for (let x = levelStart[lp + 1]!; x < levelStart[level]!; x++) {
                if (skipStamp[x] !== c) {
                  skipStamp[x] = c;
                  stepSkipped[x]!++;
                }
              }
            } else if (level < lp) {
              hasBack = true;
              const g0 = stepStage[confPrev]!;
              stageBackSteps[g0]!++;
              if (backStamp[g0] !== c) {
                backStamp[g0] = c;
                stageBackStepCustomers[g0]!++;
              }
            }
          }
          if (!firstVisit) {
            hasLoop = true;
            stepRevisits[s]!++;
            stageLoops[g]!++;
            if (loopStamp[g] !== c) {
              loopStamp[g] = c;
              stageLoopCustomers[g]!++;
            }
          }
          confPrev = s;
        }

        if (firstVisit) {
          stepStamp[s] = c;
          stepFirstTs[s] = t;
          stepCustomers[s]!++;
          if (level < lastLevel) pendingSteps[pendingStepCount++] = s;
        }
        if (stageStamp[g] !== c) {
          stageStamp[g] = c;
          stageFirstTs[g] = t;
          stageCustomers[g]!++;
          if (g < lastStage) pendingStages[pendingStageCount++] = g;
        }

        // Funnels from the first level (and the first stage), within the window of entering it.
        if (funnelState === 0) {
          if (level === 0) {
            funnelState = 1;
            funnelStart = t;
            funnelLevels[0]!++;
          }
        } else if (funnelState === 1) {
          if (t - funnelStart > windowMs) funnelState = 2;
          else if (level === funnelLevel + 1) funnelLevels[++funnelLevel]!++;
          else if (strict && level !== funnelLevel) funnelState = 2;
        }
        if (stageFunnelState === 0) {
          if (g === 0) {
            stageFunnelState = 1;
            stageFunnelStart = t;
            funnelStages[0]!++;
          }
        } else if (stageFunnelState === 1) {
          if (t - stageFunnelStart > windowMs) stageFunnelState = 2;
          else if (g === stageFunnelLevel + 1) funnelStages[++stageFunnelLevel]!++;
          else if (strict && g !== stageFunnelLevel) stageFunnelState = 2;
        }
      }

      // Scores and texts sit in position-sorted side columns; catch their cursors up with this event.
      while (sc < scoreN && scorePos[sc]! < i) sc++;
      if (sc < scoreN && scorePos[sc] === i && s >= 0) {
        const kind = scoreKind[sc]!;
        const v = scoreValue[sc]!;
        scoreSum[s * 3 + kind]! += v;
        scoreCount[s * 3 + kind]!++;
        if (kind === 1) {
          if (v >= 9) npsPromoters[s]!++;
          else if (v <= 6) npsDetractors[s]!++;
        }
      }
      while (tc < textN && textPos[tc]! < i) tc++;
      if (tc < textN && textPos[tc] === i && s >= 0) {
        const id = textId[tc]!;
        const sentiment = textSentiment[id]!;
        sentimentSum[s]! += sentiment;
        sentimentCount[s]!++;
        sentimentLanguages[s * LANGUAGE_COUNT + textLanguage[id]!]!++;
        if (sentiment !== 0) offerQuote(quoteSentiment, quotePosition, quoteText, s * QUOTE_SLOTS + (sentiment < 0 ? 0 : 2), sentiment, i, id);
      }

      // Paths: directly-follows edges over every event, variants and Sankey over consecutive repeats collapsed.
      const node = nodeOfActivity[a]!;
      if (node >= 0) {
        nodeEvents[node]!++;
        if (nodeStamp[node] !== c) {
          nodeStamp[node] = c;
          nodeCustomers[node]!++;
        }
        if (pathPrev >= 0) edges.add(pathPrev, node, c, t - pathPrevTs);
        else nodeStarts[node]!++;
        if (node !== pathPrev) {
          if (seqLength <= sankeyDepth) {
            sankeyNodes[seqLength * N + node]!++;
            if (seqLength > 0) {
              const link = ((seqLength - 1) * N + pathPrev) * N + node;
              sankeyLinks.set(link, (sankeyLinks.get(link) ?? 0) + 1);
            }
          }
          seq[seqLength++] = node;
          h1 = Math.imul(h1 ^ node, 0x01000193);
          h2 = Math.imul(h2 ^ (node + 0x9e3779b9), 0x85ebca6b);
        }
        pathPrev = node;
        pathPrevTs = t;
      }
    }

    if (kept === 0) continue;
    out.customers++;
    out.events += kept;
    if (unmapped) out.unmappedCustomers++;
    out.sessions++;
    out.sessionDurationMs += prevTs - sessionStart;
    out.sessionEvents += sessionEvents;
    for (let j = 0; j < touched; j++) {
      const a = touchedActivities[j]!;
      activityPositionSum[a]! += activityLength > 1 ? activityFirst[a]! / (activityLength - 1) : 0;
    }
    if (pathPrev >= 0) {
      nodeEnds[pathPrev]!++;
      variants.add(seq, seqLength, (h1 >>> 0) * 0x200000 + (h2 >>> 11));
    }
    if (onMap) {
      out.mapCustomers++;
      if (hasSkip) out.withSkips++;
      if (hasBack) out.withBackSteps++;
      if (hasLoop) out.withLoops++;
      if (!hasSkip && !hasBack && !hasLoop) out.conforming++;
    }
  }
  return out;
}

/** Keeps the two strongest quotes of one sign in slots `base`, `base+1` (stronger first; earlier wins a tie; one per text). */
function offerQuote(sentiments: Float64Array, positions: Float64Array, texts: Float64Array, base: number, sentiment: number, position: number, id: number): void {
  const b = base + 1;
  if ((positions[base]! >= 0 && texts[base] === id) || (positions[b]! >= 0 && texts[b] === id)) return;
  const stronger = (slot: number) => positions[slot]! < 0 || Math.abs(sentiment) > Math.abs(sentiments[slot]!);
  if (stronger(base)) {
    sentiments[b] = sentiments[base]!;
    positions[b] = positions[base]!;
    texts[b] = texts[base]!;
    sentiments[base] = sentiment;
    positions[base] = position;
    texts[base] = id;
  } else if (stronger(b)) {
    sentiments[b] = sentiment;
    positions[b] = position;
    texts[b] = id;
  }
}
