import { LANE_PROMPTS, type Lane, type Step } from "@opencjm/core";
import { useCallback, useSyncExternalStore } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { TOPIC } from "../store/MapView.js";
import { useMapView, useStructure } from "../store/useMapView.js";
import styles from "./LanePrompt.module.css";

/**
 * The lane's starter prompt ("What does the customer do here?") shown as placeholder text in the first step's cell
 * while the lane has no card: a hint, never stored on the map, so it is not exported and vanishes with the first card.
 */
export function LanePrompt({ lane, step }: { lane: Lane; step: Step }) {
  const first = useStructure().steps[0]?.id === step.id;
  // Only the first step's cell watches the whole lane, so the other cells do not re-render on every card change.
  return first && LANE_PROMPTS[lane.type] ? <LanePromptIfEmpty lane={lane} /> : null;
}

function LanePromptIfEmpty({ lane }: { lane: Lane }) {
  const { locale } = useI18n();
  const view = useMapView();
  const subscribe = useCallback((listener: () => void) => view.subscribe(TOPIC.cards, listener), [view]);
  const laneHasCards = useSyncExternalStore(subscribe, () => {
    for (const [key, cards] of view.cells()) if (key.startsWith(`${lane.id}:`) && cards.length > 0) return true;
    return false;
  });
  const prompt = LANE_PROMPTS[lane.type];
  if (laneHasCards || !prompt) return null;
  return (
    <p className={styles.prompt} data-testid="lane-prompt">
      {prompt[locale]}
    </p>
  );
}
