import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

/**
 * True when the bar's content is wider than the bar, or a part that should show all its text (`data-fit`) is cut;
 * `data-fit-up-to` caps what a part may ask for in pixels (a very long title gives way rather than every tool).
 */
function crowded(bar: HTMLElement): boolean {
  // Phones lay the bar out on two lines on purpose (reading mode): nothing needs to give way there.
  if (getComputedStyle(bar).flexWrap === "wrap") return false;
  if (bar.scrollWidth > bar.clientWidth + 1) return true;
  return Array.from(bar.querySelectorAll<HTMLElement>("[data-fit]")).some(
    (el) => Math.min(el.scrollWidth, Number(el.dataset.fitUpTo ?? Infinity)) > el.clientWidth + 1,
  );
}

/**
 * How many of its steps a one-line bar has to give way by to fit, measured in the browser: after each render that
 * may change the answer it checks whether the bar is crowded and, if so, takes one more step (re-rendered before the
 * browser paints). A change of the bar's width, of a part marked `data-fit-watch` (who is here, the search count) or
 * of `contentKey` (language, title…) starts again from nothing given.
 * @param steps how many steps there are to give
 */
export function useToolbarFit(bar: RefObject<HTMLElement | null>, steps: number, contentKey: string): number {
  const [level, setLevel] = useState(0);
  const [sizes, setSizes] = useState("");
  const measuredFor = useRef("");
  const key = `${contentKey}|${sizes}`;

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    if (measuredFor.current !== key) {
      measuredFor.current = key;
      if (level !== 0) return setLevel(0);
    }
    if (level < steps && crowded(el)) setLevel(level + 1);
  }, [bar, key, level, steps]);

  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    // Only parts that giving way does not resize are watched, so a step taken never starts the measuring again.
    const watched = [el, ...el.querySelectorAll<HTMLElement>("[data-fit-watch]")];
    const resize = new ResizeObserver(() =>
      setSizes(watched.map((w) => Math.round(w.getBoundingClientRect().width)).join(",")),
    );
    for (const w of watched) resize.observe(w);
    return () => resize.disconnect();
  }, [bar]);
  return level;
}
