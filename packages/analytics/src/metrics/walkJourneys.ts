import { addStepScore, addStepText } from "./addStepFeedback.js";
import { TOTAL, type KernelPartial } from "./KernelPartial.js";
import type { KernelScratch } from "./KernelScratch.js";
import { lowerBound } from "./lowerBound.js";
import { settleStrictPending } from "./settleStrictPending.js";
import { countSkippedLevels, markSkippedLevels } from "./skippedLevels.js";
import type { KernelColumns } from "./KernelColumns.js";
import type { KernelPlan } from "./KernelPlan.js";

/** Beyond every store position (positions index Int32Arrays). */
const NONE_AFTER = 0x7fffffff;

/**
 * The kernel's event loop over customers `from`…`to-1` (one chunk of a range): each journey once, event by event in
 * time order, adding to every counter of `out` at the same time. Semantics are documented in
 * packages/analytics/README.md; the SQL oracle in oracle/ computes the same numbers independently.
 */
export function walkJourneys(
  columns: KernelColumns,
  plan: KernelPlan,
  out: KernelPartial,
  scratch: KernelScratch,
  from: number,
  to: number,
): void {
  const { offsets, ts, key, scorePos, textPos, propertiesId } = columns;
  const {
    stepLevel,
    stepStage,
    levelStart,
    activityOfKey,
    candidateStart,
    candidateRule,
    ruleActivity,
    ruleProperties,
    ruleMatchesNone,
    fallbackOfKey,
    nodeOfActivity,
    stepOfActivity,
    customerMask,
  } = plan;
  const { fromMs, toMs, windowMs, gapMs, strict, sankeyDepth, levelCount, nodeCount: N } = plan;
  const T = plan.touchpointCount;
  const lastLevel = levelCount - 1;
  const lastStage = plan.stageCount - 1;

  const { keyEvents, keyCustomers, activityEvents, activityCustomers, activityTimeMs, activityPositionSum } = out;
  const { stepCustomers, stepConverted, stepRevisits, stepToNext } = out;
  const {
    stageCustomers,
    stageConverted,
    stageToNext,
    stageBackSteps,
    stageBackStepCustomers,
    stageLoops,
    stageLoopCustomers,
  } = out;
  const { funnelLevels, funnelStages } = out;
  const { nodeStarts, nodeEnds, edges, variants, sankeyNodes, sankeyLinks } = out;
  const { keyStamp, activityStamp, activityFirst, touchedActivities, stepStamp, stepFirstTs } = scratch;
  const { pendingStamp, levelPendingStamp, stagePendingStamp } = scratch;
  const { stageStamp, stageFirstTs, backStamp, loopStamp, pendingSteps, pendingStages } = scratch;
  const { totals } = out;

  // Customer totals are counted in locals and added to `out` once per chunk (integers: the order does not matter);
  // session sums are carried through, so they are added in the same order as in one pass over the range.
  let customers = 0;
  let events = 0;
  let unmappedCustomers = 0;
  let mapCustomers = 0;
  let conforming = 0;
  let withSkips = 0;
  let withBackSteps = 0;
  let withLoops = 0;
  let sessions = totals[TOTAL.sessions]!;
  let sessionDurationMs = totals[TOTAL.sessionDurationMs]!;
  let sessionEventTotal = totals[TOTAL.sessionEvents]!;
  let sc = lowerBound(scorePos, offsets[from]!);
  let tc = lowerBound(textPos, offsets[from]!);
  const scoreN = scorePos.length;
  const textN = textPos.length;
  // Position of the next score (text) at or after the cursor: most events have neither, so one comparison skips them.
  // Past the last one, NONE_AFTER: an integer, as positions are (Infinity deoptimised the loop at the range's end, and
  // its code compared doubles from then on).
  let scoreAt = sc < scoreN ? scorePos[sc]! : NONE_AFTER;
  let textAt = tc < textN ? textPos[tc]! : NONE_AFTER;

  for (let c = from; c < to; c++) {
    if (customerMask !== undefined && customerMask[c] === 0) continue;
    const start = offsets[c]!;
    const end = offsets[c + 1]!;
    if (start === end) continue;

    let kept = 0;
    let prevTs = 0;
    let prevActivity = -1;
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
          sessionEvents++;
        } else {
          sessions++;
          sessionDurationMs += prevTs - sessionStart;
          sessionEventTotal += sessionEvents;
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
      if (s >= 0) {
        onMap = true;
        const level = stepLevel[s]!;
        const g = stepStage[s]!;
        const firstVisit = stepStamp[s] !== c;

        // Conversion of earlier steps and stages to their next one. Loose order only needs to look at the level (and
        // stage) just before this one; strict order settles every pending step as soon as another level comes.
        if (!strict) {
          if (level > 0 && levelPendingStamp[level - 1] === c) {
            // Every pending step of the level before is settled here, so the level waits no more.
            levelPendingStamp[level - 1] = -1;
            for (let p = levelStart[level - 1]!; p < levelStart[level]!; p++) {
              if (pendingStamp[p] !== c) continue;
              pendingStamp[p] = -1;
              const dt = t - stepFirstTs[p]!;
              if (dt <= windowMs) {
                stepConverted[p]!++;
                const list = stepToNext[p]!;
                if (list.length === list.values.length) list.grow();
                list.values[list.length++] = dt;
              }
            }
          }
          if (g > 0 && stagePendingStamp[g - 1] === c) {
            stagePendingStamp[g - 1] = -1;
            const dt = t - stageFirstTs[g - 1]!;
            if (dt <= windowMs) {
              stageConverted[g - 1]!++;
              const list = stageToNext[g - 1]!;
              if (list.length === list.values.length) list.grow();
              list.values[list.length++] = dt;
            }
          }
        } else {
          pendingStepCount = settleStrictPending(
            plan,
            pendingSteps,
            pendingStepCount,
            stepLevel,
            level,
            ts,
            i,
            stepFirstTs,
            stepConverted,
            stepToNext,
          );
          pendingStageCount = settleStrictPending(
            plan,
            pendingStages,
            pendingStageCount,
            undefined,
            g,
            ts,
            i,
            stageFirstTs,
            stageConverted,
            stageToNext,
          );
        }

        // Conformance over the step sequence with consecutive repeats collapsed.
        if (s !== confPrev) {
          if (confPrev >= 0) {
            const lp = stepLevel[confPrev]!;
            if (level - lp > 1) {
              // Levels lp+1 … level-1 are skipped: set their bits; the steps are counted once at the customer's end.
              hasSkip = true;
              markSkippedLevels(scratch, c, lp + 1, level);
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
          if (level < lastLevel) {
            if (strict) pendingSteps[pendingStepCount++] = s;
            else {
              pendingStamp[s] = c;
              levelPendingStamp[level] = c;
            }
          }
        }
        if (stageStamp[g] !== c) {
          stageStamp[g] = c;
          stageFirstTs[g] = t;
          stageCustomers[g]!++;
          if (g < lastStage) {
            if (strict) pendingStages[pendingStageCount++] = g;
            else stagePendingStamp[g] = c;
          }
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
      if (scoreAt <= i) {
        while (sc < scoreN && scorePos[sc]! < i) sc++;
        scoreAt = sc < scoreN ? scorePos[sc]! : NONE_AFTER;
      }
      if (scoreAt === i && s >= 0) addStepScore(columns, out, s, sc);
      if (textAt <= i) {
        while (tc < textN && textPos[tc]! < i) tc++;
        textAt = tc < textN ? textPos[tc]! : NONE_AFTER;
      }
      if (textAt === i && s >= 0) addStepText(columns, out, s, tc, i);

      // Paths: directly-follows edges over every event, variants and Sankey over consecutive repeats collapsed.
      const node = nodeOfActivity[a]!;
      if (node >= 0) {
        if (pathPrev >= 0) edges.add(pathPrev, node, c, t - pathPrevTs);
        else nodeStarts[node]!++;
        if (node !== pathPrev) {
          if (seqLength <= sankeyDepth) {
            sankeyNodes[seqLength * N + node]!++;
            if (seqLength > 0) {
              sankeyLinks.add(seqLength - 1, pathPrev, node);
            }
          }
          seqLength++;
          h1 = Math.imul(h1 ^ node, 0x01000193);
          h2 = Math.imul(h2 ^ (node + 0x9e3779b9), 0x85ebca6b);
        }
        pathPrev = node;
        pathPrevTs = t;
      }
    }

    if (kept === 0) continue;
    customers++;
    events += kept;
    if (unmapped) unmappedCustomers++;
    sessions++;
    sessionDurationMs += prevTs - sessionStart;
    sessionEventTotal += sessionEvents;
    if (activityLength > 1) {
      const scale = 1 / (activityLength - 1);
      for (let j = 0; j < touched; j++) {
        const a = touchedActivities[j]!;
        activityPositionSum[a]! += activityFirst[a]! * scale;
      }
    }
    if (pathPrev >= 0) {
      nodeEnds[pathPrev]!++;
      variants.add(h1 >>> 0, h2 >>> 0, c);
    }
    if (hasSkip) countSkippedLevels(scratch, c);
    if (onMap) {
      mapCustomers++;
      if (hasSkip) withSkips++;
      if (hasBack) withBackSteps++;
      if (hasLoop) withLoops++;
      if (!hasSkip && !hasBack && !hasLoop) conforming++;
    }
  }
  totals[TOTAL.sessions] = sessions;
  totals[TOTAL.sessionDurationMs] = sessionDurationMs;
  totals[TOTAL.sessionEvents] = sessionEventTotal;
  totals[TOTAL.customers]! += customers;
  totals[TOTAL.events]! += events;
  totals[TOTAL.unmappedCustomers]! += unmappedCustomers;
  totals[TOTAL.mapCustomers]! += mapCustomers;
  totals[TOTAL.conforming]! += conforming;
  totals[TOTAL.withSkips]! += withSkips;
  totals[TOTAL.withBackSteps]! += withBackSteps;
  totals[TOTAL.withLoops]! += withLoops;
}
