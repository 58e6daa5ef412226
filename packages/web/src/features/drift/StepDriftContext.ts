import type { StepDrift } from "@opencjm/core";
import { createContext } from "react";

/** What a step header needs of the map's drift: each flagged step's flagged measures and the period length. */
export interface StepDriftFlags {
  flagged: ReadonlyMap<string, StepDrift>;
  periodDays: number;
  /** The workspace digest page, for the popover's link. */
  digestHref: string;
}

/** The drift of the map open in the live editor; absent elsewhere (shared, embedded, printed maps). */
export const StepDriftContext = createContext<StepDriftFlags | null>(null);
