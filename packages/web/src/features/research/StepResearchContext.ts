import { createContext } from "react";

/** What a step header needs of the map's research: how many highlights each step has and how to show them. */
export interface StepResearch {
  /** Highlights per step id (a stage's sit at its first step). */
  counts: ReadonlyMap<string, number>;
  /** Opens the side panel on one step's highlights. */
  open: (stepId: string, label: string) => void;
}

/** The research of the map open in the live editor; absent elsewhere (shared, embedded, printed maps). */
export const StepResearchContext = createContext<StepResearch | null>(null);
