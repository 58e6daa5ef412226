import type { DraftPlan, Locale } from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import type { JourneyStore } from "../store/JourneyStore.js";
import { prepareJourneyScan, type JourneyScanInput } from "../paths/prepareJourneyScan.js";
import { countDraftActivities, countFirstVisitOrder } from "./scanDraftActivities.js";
import { orderDraftSteps } from "./orderDraftSteps.js";
import { DRAFT_STAGE_NAME, DRAFT_TITLE } from "./draftWords.js";

/** Per event name (index), the channel most of its events come on, or null when they have none. */
function mainChannels(store: JourneyStore): (name: number) => string | null {
  const perKey = new Float64Array(store.keyName.length);
  for (let i = 0; i < store.key.length; i++) perKey[store.key[i]!]!++;
  return (name) => {
    let best = -1;
    for (let k = 0; k < perKey.length; k++)
      if (store.keyName[k] === name && (best < 0 || perKey[k]! > perKey[best]!)) best = k;
    const channel = best < 0 ? -1 : store.keyChannel[best]!;
    return channel < 0 ? null : store.channels[channel]!;
  };
}

/** What a draft is made from: the map whose stages name the steps, rules, filters and options, and the language. */
export interface DraftFromDataInput extends JourneyScanInput {
  /** Touchpoint names by id (the id is used when a name is missing). */
  touchpointNames?: Readonly<Record<string, string>>;
  locale: Locale;
}

/**
 * Drafts a current-state map from the data (PRODUCT.md §4.6): the activities (touchpoints, or event names no rule maps)
 * reached by at least `draftMinShare` of the customers in scope, at most `draftMaxSteps` of the most reached, ordered
 * the way most customers go (`orderDraftSteps`) and staged like the map their touchpoints sit on. Two passes over the
 * journey store, run only when a draft is asked for. Semantics: packages/analytics/README.md.
 */
export async function draftFromData(db: EventDatabase, input: DraftFromDataInput): Promise<DraftPlan> {
  const { store, structure, plan, labels, columns, request } = await prepareJourneyScan(db, input);
  const { options } = request;
  const { customers, activityCustomers } = countDraftActivities(columns, plan);
  const threshold = Math.max(1, Math.ceil(options.draftMinShare * customers));
  const T = plan.touchpointCount;
  const label = (a: number) =>
    a < T ? (input.touchpointNames?.[labels.touchpointIds[a]!] ?? labels.touchpointIds[a]!) : store.eventNames[a - T]!;
  const chosen = Array.from(activityCustomers.keys())
    .filter((a) => activityCustomers[a]! >= threshold)
    .sort((a, b) => activityCustomers[b]! - activityCustomers[a]! || (label(a) < label(b) ? -1 : 1))
    .slice(0, options.draftMaxSteps);
  const before = countFirstVisitOrder(columns, plan, chosen);
  const candidates = chosen.map((a) => {
    const step = plan.stepOfActivity[a]!;
    return {
      key: a < T ? `tp:${labels.touchpointIds[a]}` : `event:${store.eventNames[a - T]}`,
      customers: activityCustomers[a]!,
      stageName: step >= 0 ? structure.stages[structure.steps[step]!.stage]!.name : undefined,
    };
  });
  const order = orderDraftSteps(candidates, before, DRAFT_STAGE_NAME[input.locale]);
  const channelOf = mainChannels(store);
  return {
    title: DRAFT_TITLE[input.locale],
    customers,
    conversionWindowHours: options.conversionWindowHours,
    stages: order.stages.map((stage) => ({
      name: stage.name,
      steps: stage.steps.map((i) => {
        const a = chosen[i]!;
        return {
          key: candidates[i]!.key,
          name: label(a).slice(0, 200),
          touchpointId: a < T ? labels.touchpointIds[a]! : null,
          eventName: a < T ? null : store.eventNames[a - T]!,
          channel: a < T ? null : channelOf(a - T),
          customers: activityCustomers[a]!,
          share: customers > 0 ? activityCustomers[a]! / customers : null,
        };
      }),
    })),
  };
}
