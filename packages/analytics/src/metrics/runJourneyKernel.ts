import { createKernelPartial, LANGUAGE_COUNT, QUOTE_SLOTS, type KernelPartial } from "./KernelPartial.js";
import { lowerBound } from "./lowerBound.js";
import { offerQuote } from "./offerQuote.js";
import type { KernelColumns } from "./KernelColumns.js";
import type { KernelPlan } from "./KernelPlan.js";

/**
 * The one pass (PRODUCT.md §4.6): walks the journeys of customers `from`…`to-1` once, event by event in time order,
 * and fills every counter of every metric at the same time. Semantics are documented in packages/analytics/README.md;
 * the SQL oracle in oracle/ computes the same numbers independently.
 */
export function runJourneyKernel(
  columns: KernelColumns,
  plan: KernelPlan,
  keyCount: number,
  from: number,
  to: number,
): KernelPartial {
  const out = createKernelPartial(plan, keyCount, to - from);
  const {
    offsets,
    ts,
    key,
    scorePos,
    scoreValue,
    scoreKind,
    textPos,
    textId,
    textSentiment,
    textLanguage,
    propertiesId,
  } = columns;
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
  const S = plan.stepCount;
  const T = plan.touchpointCount;
  const G = plan.stageCount;
  const lastLevel = levelCount - 1;
  const lastStage = G - 1;

  const { keyEvents, keyCustomers, activityEvents, activityCustomers, activityTimeMs, activityPositionSum } = out;
  const { stepCustomers, stepConverted, stepSkipped, stepRevisits, stepToNext } = out;
  const {
    stageCustomers,
    stageConverted,
    stageToNext,
    stageBackSteps,
    stageBackStepCustomers,
    stageLoops,
    stageLoopCustomers,
  } = out;
  const { funnelLevels, funnelStages, scoreSum, scoreCount, npsPromoters, npsDetractors } = out;
  const { sentimentSum, sentimentCount, sentimentLanguages, quoteSentiment, quotePosition, quoteText } = out;
  const { nodeStarts, nodeEnds, edges, variants, sankeyNodes, sankeyLinks } = out;

  // Per-customer scratch, reset by stamping with the customer number instead of clearing.
  const keyStamp = new Int32Array(keyCount).fill(-1);
  const activityStamp = new Int32Array(plan.activityCount).fill(-1);
  const activityFirst = new Int32Array(plan.activityCount);
  const touchedActivities = new Int32Array(plan.activityCount);
  const stepStamp = new Int32Array(S).fill(-1);
  const stepFirstTs = new Float64Array(S);
  const pendingStamp = new Int32Array(S).fill(-1);
  const stagePendingStamp = new Int32Array(G).fill(-1);
  // Skipped levels of the current customer as a bitset, one 32-bit word per 32 levels, reset by stamping.
  const skipWords = (levelCount + 31) >>> 5;
  const skipBits = new Int32Array(skipWords);
  const skipStamp = new Int32Array(skipWords).fill(-1);
  // Customers who skipped each level; every step of a skipped level is skipped, so steps are filled in at the end.
  const levelSkipped = new Float64Array(levelCount);
  const stageStamp = new Int32Array(G).fill(-1);
  const stageFirstTs = new Float64Array(G);
  const backStamp = new Int32Array(G).fill(-1);
  const loopStamp = new Int32Array(G).fill(-1);
  const pendingSteps = new Int32Array(S);
  const pendingStages = new Int32Array(G);

  let sessions = 0;
  let sessionDurationMs = 0;
  let sessionEventTotal = 0;
  let sc = lowerBound(scorePos, offsets[from]!);
  let tc = lowerBound(textPos, offsets[from]!);
  const scoreN = scorePos.length;
  const textN = textPos.length;
  // Position of the next score (text) at or after the cursor: most events have neither, so one comparison skips them.
  let scoreAt = sc < scoreN ? scorePos[sc]! : Infinity;
  let textAt = tc < textN ? textPos[tc]! : Infinity;

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
          if (level > 0) {
            for (let p = levelStart[level - 1]!; p < levelStart[level]!; p++) {
              if (pendingStamp[p] !== c) continue;
              pendingStamp[p] = -1;
              const dt = t - stepFirstTs[p]!;
              if (dt <= windowMs) {
                stepConverted[p]!++;
                stepToNext[p]!.push(dt);
              }
            }
          }
          if (g > 0 && stagePendingStamp[g - 1] === c) {
            stagePendingStamp[g - 1] = -1;
            const dt = t - stageFirstTs[g - 1]!;
            if (dt <= windowMs) {
              stageConverted[g - 1]!++;
              stageToNext[g - 1]!.push(dt);
            }
          }
        } else {
          let w = 0;
          for (let j = 0; j < pendingStepCount; j++) {
            const p = pendingSteps[j]!;
            const lp = stepLevel[p]!;
            if (lp === level) pendingSteps[w++] = p;
            else if (lp + 1 === level) {
              const dt = t - stepFirstTs[p]!;
              if (dt <= windowMs) {
                stepConverted[p]!++;
                stepToNext[p]!.push(dt);
              }
            }
          }
          pendingStepCount = w;
          w = 0;
          for (let j = 0; j < pendingStageCount; j++) {
            const p = pendingStages[j]!;
            if (p === g) pendingStages[w++] = p;
            else if (p + 1 === g) {
              const dt = t - stageFirstTs[p]!;
              if (dt <= windowMs) {
                stageConverted[p]!++;
                stageToNext[p]!.push(dt);
              }
            }
          }
          pendingStageCount = w;
        }

        // Conformance over the step sequence with consecutive repeats collapsed.
        if (s !== confPrev) {
          if (confPrev >= 0) {
            const lp = stepLevel[confPrev]!;
            if (level - lp > 1) {
              // Levels lp+1 … level-1 are skipped: set their bits; the steps are counted once at the customer's end.
              hasSkip = true;
              for (let x = lp + 1; x < level;) {
                const word = x >>> 5;
                if (skipStamp[word] !== c) {
                  skipStamp[word] = c;
                  skipBits[word] = 0;
                }
                const upTo = Math.min(level, (word + 1) << 5);
                const width = upTo - x;
                skipBits[word] = skipBits[word]! | ((width === 32 ? -1 : (1 << width) - 1) << (x & 31));
                x = upTo;
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
          if (level < lastLevel) {
            if (strict) pendingSteps[pendingStepCount++] = s;
            else pendingStamp[s] = c;
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
        scoreAt = sc < scoreN ? scorePos[sc]! : Infinity;
      }
      if (scoreAt === i && s >= 0) {
        const kind = scoreKind[sc]!;
        const v = scoreValue[sc]!;
        scoreSum[s * 3 + kind]! += v;
        scoreCount[s * 3 + kind]!++;
        if (kind === 1) {
          if (v >= 9) npsPromoters[s]!++;
          else if (v <= 6) npsDetractors[s]!++;
        }
      }
      if (textAt <= i) {
        while (tc < textN && textPos[tc]! < i) tc++;
        textAt = tc < textN ? textPos[tc]! : Infinity;
      }
      if (textAt === i && s >= 0) {
        const id = textId[tc]!;
        const sentiment = textSentiment[id]!;
        sentimentSum[s]! += sentiment;
        sentimentCount[s]!++;
        sentimentLanguages[s * LANGUAGE_COUNT + textLanguage[id]!]!++;
        if (sentiment !== 0)
          offerQuote(
            quoteSentiment,
            quotePosition,
            quoteText,
            s * QUOTE_SLOTS + (sentiment < 0 ? 0 : 2),
            sentiment,
            i,
            id,
          );
      }

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
    out.customers++;
    out.events += kept;
    if (unmapped) out.unmappedCustomers++;
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
    if (hasSkip) {
      for (let word = 0; word < skipWords; word++) {
        if (skipStamp[word] !== c) continue;
        let bits = skipBits[word]!;
        while (bits !== 0) {
          const bit = 31 - Math.clz32(bits & -bits);
          bits &= bits - 1;
          levelSkipped[(word << 5) + bit]!++;
        }
      }
    }
    if (onMap) {
      out.mapCustomers++;
      if (hasSkip) out.withSkips++;
      if (hasBack) out.withBackSteps++;
      if (hasLoop) out.withLoops++;
      if (!hasSkip && !hasBack && !hasLoop) out.conforming++;
    }
  }
  for (let level = 0; level < levelCount; level++) {
    if (levelSkipped[level] === 0) continue;
    for (let x = levelStart[level]!; x < levelStart[level + 1]!; x++) stepSkipped[x] = levelSkipped[level]!;
  }
  out.sessions = sessions;
  out.sessionDurationMs = sessionDurationMs;
  out.sessionEvents = sessionEventTotal;
  return out;
}
