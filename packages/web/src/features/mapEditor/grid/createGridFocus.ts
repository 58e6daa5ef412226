import { TopicEmitter } from "../store/TopicEmitter.js";

/** What can hold focus in the grid: a cell, a step or stage header, or a lane title. */
export type FocusTarget =
  | { kind: "cell"; laneId: string; stepId: string }
  | { kind: "step"; stepId: string }
  | { kind: "stage"; stageId: string }
  | { kind: "lane"; laneId: string };

/** A target's key: the `data-focus-key` of its element and the key collaborators see in presence. */
export function focusKey(target: FocusTarget): string {
  switch (target.kind) {
    case "cell":
      return `cell:${target.laneId}:${target.stepId}`;
    case "step":
      return `step:${target.stepId}`;
    case "stage":
      return `stage:${target.stageId}`;
    case "lane":
      return `lane:${target.laneId}`;
  }
}

/** How one focusable element stands: not focused, the grid's focus (its tab stop), or in edit mode. */
export type FocusState = "idle" | "focused" | "editing";

/**
 * The grid's focus and edit mode, outside React state so moving focus wakes only the two elements concerned (the one
 * left and the one entered), not the whole grid. The focused element is also the grid's only tab stop.
 */
export class GridFocus {
  private target: FocusTarget | null = null;
  private key: string | null = null;
  private editing = false;
  private domRequest: string | null = null;
  private domRequestScrollsOnly = false;
  private readonly emitter = new TopicEmitter();

  /** The focused target, if any. */
  get current(): FocusTarget | null {
    return this.target;
  }

  /** True while the focused target is in edit mode (a cell editor or a rename field is open). */
  get isEditing(): boolean {
    return this.editing;
  }

  /** The state of the element with this key. */
  stateOf(key: string): FocusState {
    return key === this.key ? (this.editing ? "editing" : "focused") : "idle";
  }

  /**
   * Moves the focus (and leaves edit mode unless `editing`). With `moveDomFocus`, the grid also puts the browser's
   * focus on the element — scrolling it into the rendered part of the grid first if needed.
   */
  set(target: FocusTarget | null, editing = false, moveDomFocus = false): void {
    const key = target ? focusKey(target) : null;
    if (moveDomFocus && key) {
      this.domRequest = key;
      this.domRequestScrollsOnly = false;
      this.emitter.emit("dom");
    }
    if (key === this.key && editing === this.editing) return;
    const previous = this.key;
    this.target = target;
    this.key = key;
    this.editing = editing;
    if (previous && previous !== key) this.emitter.emit(previous);
    if (key) this.emitter.emit(key);
    this.emitter.emit("*");
  }

  /**
   * Scrolls the grid to the target without moving the grid's focus or the browser's (the first search match, while
   * the cursor stays in the search box).
   */
  show(target: FocusTarget): void {
    this.domRequest = focusKey(target);
    this.domRequestScrollsOnly = true;
    this.emitter.emit("dom");
  }

  /** True when the pending request only asks to scroll the element into view, not to focus it. */
  get pendingScrollOnly(): boolean {
    return this.domRequestScrollsOnly;
  }

  /** The element the grid should put the browser's focus on, if one was asked for and not yet focused. */
  get pendingDomFocus(): string | null {
    return this.domRequest;
  }

  /** Marks the requested DOM focus as done. */
  clearDomFocus(): void {
    this.domRequest = null;
  }

  /** Enters or leaves edit mode on the focused target. */
  setEditing(editing: boolean): void {
    this.set(this.target, editing);
  }

  /** Listens to one key's state, to every change with "*", or to DOM focus requests with "dom". */
  subscribe(key: string, listener: () => void): () => void {
    return this.emitter.subscribe(key, listener);
  }
}
