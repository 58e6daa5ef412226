import { useSyncExternalStore } from "react";

/** Screens this narrow or narrower read a map as a list (ReadingView) instead of the grid. */
const PHONE_QUERY = "(max-width: 600px)";

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => {};
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const matches = () => typeof window.matchMedia === "function" && window.matchMedia(PHONE_QUERY).matches;

/** True on a phone-sized screen (600 px wide or less), following rotations and resizes. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, matches);
}
