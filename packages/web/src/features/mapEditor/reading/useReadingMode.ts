import { useState } from "react";
import { useScreenSize } from "./useScreenSize.js";

/** Whether a map is read as a list of stages and steps (ReadingView) instead of the grid, and the way to switch. */
export interface ReadingMode {
  reading: boolean;
  /** True on a phone or a tablet: the reader may switch between the list and the full map. */
  switchable: boolean;
  setReading: (reading: boolean) => void;
}

/**
 * Phones read a map as a list, and so do tablets, except for someone who edits the map (`edits`): they get the grid
 * they edit in. On either, the reader can switch for the visit; a wide screen always shows the grid.
 */
export function useReadingMode(edits = false): ReadingMode {
  const size = useScreenSize();
  const [chosen, setReading] = useState<boolean | null>(null);
  const byDefault = size === "phone" || (size === "tablet" && !edits);
  return { reading: size !== "wide" && (chosen ?? byDefault), switchable: size !== "wide", setReading };
}
