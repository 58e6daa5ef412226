import { useSyncExternalStore } from "react";

/** How much room a screen gives a map: a phone's, a tablet's, or enough for the grid. */
export type ScreenSize = "phone" | "tablet" | "wide";

const PHONE_QUERY = "(max-width: 600px)";
/**
 * Tablets: 1024 px wide or less and held upright (an iPad's 768 or 820 × 1024 and up), or with touch as the main
 * pointer (the same tablet on its side, 1024 px wide). A laptop window 1024 px wide, held landscape and worked with a
 * mouse, is not one: the editor is laid out for it and its people edit there.
 */
const TABLET_QUERY = "(max-width: 1024px) and (orientation: portrait), (max-width: 1024px) and (pointer: coarse)";

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => {};
  const queries = [window.matchMedia(PHONE_QUERY), window.matchMedia(TABLET_QUERY)];
  for (const query of queries) query.addEventListener("change", onChange);
  return () => {
    for (const query of queries) query.removeEventListener("change", onChange);
  };
}

function current(): ScreenSize {
  if (typeof window.matchMedia !== "function") return "wide";
  if (window.matchMedia(PHONE_QUERY).matches) return "phone";
  return window.matchMedia(TABLET_QUERY).matches ? "tablet" : "wide";
}

/** The screen's size class, following rotations and resizes. */
export function useScreenSize(): ScreenSize {
  return useSyncExternalStore(subscribe, current);
}
