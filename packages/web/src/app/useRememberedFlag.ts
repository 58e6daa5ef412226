import { useCallback, useState } from "react";

function read(key: string, fallback: boolean): boolean {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === "true";
  } catch {
    return fallback;
  }
}

/**
 * A yes/no choice kept in this browser under `key` (put the user's id in it for a per-person choice); a refused
 * storage (private window) keeps it for the visit only.
 */
export function useRememberedFlag(key: string, fallback: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState(() => read(key, fallback));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Storage refused: the choice lasts for this visit.
      }
    },
    [key],
  );
  return [value, set];
}
