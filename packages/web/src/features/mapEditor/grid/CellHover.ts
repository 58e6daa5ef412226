import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import { TopicEmitter } from "../store/TopicEmitter.js";

/**
 * Which cell the pointer is over, outside React state so moving the pointer wakes only the two cells concerned (the
 * one left and the one entered). Cells show their action offers (start a thread, start an idea) only while the
 * pointer or the grid's focus is on them: rendered on every card of a big map, those buttons cost more to lay out
 * and paint than the cards' text (bench/mapEditor.ts).
 */
export class CellHover {
  private key: string | null = null;
  private readonly emitter = new TopicEmitter();

  /** Puts the pointer on the element with this focus key, or on none. */
  set(key: string | null): void {
    if (key === this.key) return;
    const previous = this.key;
    this.key = key;
    if (previous) this.emitter.emit(previous);
    if (key) this.emitter.emit(key);
  }

  /** True while the pointer is over the element with this key. */
  isOver(key: string): boolean {
    return key === this.key;
  }

  /** Calls `listener` when the pointer enters or leaves the element with this key. */
  subscribe(key: string, listener: () => void): () => void {
    return this.emitter.subscribe(key, listener);
  }

  /** Follows the pointer from an event inside the grid: the nearest element with a focus key is under it. */
  follow(target: EventTarget | null): void {
    const element = target instanceof Element ? target.closest<HTMLElement>("[data-focus-key]") : null;
    this.set(element?.dataset.focusKey ?? null);
  }
}

/** The grid's pointer tracker; absent outside a grid, where nothing is hovered. */
export const CellHoverContext = createContext<CellHover | null>(null);

const NOTHING_TO_UNSUBSCRIBE = () => {};

/** True while the pointer is over the element with this focus key; re-renders only when that changes. */
export function useHovered(key: string): boolean {
  const hover = useContext(CellHoverContext);
  const subscribe = useCallback((l: () => void) => hover?.subscribe(key, l) ?? NOTHING_TO_UNSUBSCRIBE, [hover, key]);
  return useSyncExternalStore(subscribe, () => hover?.isOver(key) ?? false);
}
