import type { MapJourneys, MapJourneyStep, MapResearchQuote, SurveyQuote } from "@opencjm/core";
import { createContext, useContext } from "react";

/** What the map's grid needs of its research: highlights and participants per step, and the cards resting on it. */
export interface StepResearch {
  /** Highlights per step id (a stage's sit at its first step). */
  counts: ReadonlyMap<string, number>;
  /** The newest few highlights per step id, for the quotes lane (the rest load in the step's panel). */
  topQuotes: ReadonlyMap<string, readonly MapResearchQuote[]>;
  /** Participants' journeys aggregated per step id, and how many participants have a journey on the map. */
  journeys: { steps: ReadonlyMap<string, MapJourneyStep>; participants: number; unmapped: MapJourneys["unmapped"] };
  /** Survey answers per step id (absent where surveys are not loaded). */
  surveyAnswers?: ReadonlyMap<string, number>;
  /** The newest few free-text survey answers per step id, with how many the step has, for the quotes lane. */
  surveyQuotes?: ReadonlyMap<string, { quotes: readonly SurveyQuote[]; count: number }>;
  /** Cards linked to highlights: their evidence level is "research". */
  researchCardIds: ReadonlySet<string>;
  /** Opens the side panel on one step's highlights and participants. */
  open: (stepId: string, label: string) => void;
}

/** The research of the map open in the live editor; absent elsewhere (shared, embedded, printed maps). */
export const StepResearchContext = createContext<StepResearch | null>(null);

const NONE: ReadonlySet<string> = new Set();

/** The cards of the open map linked to research highlights (none outside the live editor). */
export function useResearchCardIds(): ReadonlySet<string> {
  return useContext(StepResearchContext)?.researchCardIds ?? NONE;
}
