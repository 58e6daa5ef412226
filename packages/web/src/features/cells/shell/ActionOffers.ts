import { createContext, useContext } from "react";

/**
 * Whether the buttons that offer to start something (a comment thread, an idea) are shown in this part of the map.
 * A grid cell offers them only while the pointer or the grid's focus is on it (grid/CellHover.ts); elsewhere they are
 * always offered. What is already there (a thread's count, linked ideas) shows regardless.
 */
export const ActionOffersContext = createContext(true);

/** True when this part of the map offers to start threads and ideas now. */
export function useActionOffers(): boolean {
  return useContext(ActionOffersContext);
}
