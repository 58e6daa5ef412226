import type { Card } from "@opencjm/core";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import type { MapView } from "../store/MapView.js";
import { TopicEmitter } from "../store/TopicEmitter.js";

/** Every piece of text a card shows, including the names of the touchpoint or channel it refers to. */
export function cardSearchText(card: Card, catalogue: CellCatalogue): string {
  const parts: string[] = [];
  for (const value of Object.values(card)) {
    if (typeof value === "string") parts.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === "string") parts.push(v);
  }
  if (card.kind === "touchpoint") parts.push(catalogue.touchpoints.get(card.touchpointId)?.name ?? "");
  if (card.kind === "channel") parts.push(catalogue.channels.get(card.channelId)?.name ?? "");
  return parts.join("\n").toLocaleLowerCase();
}

/** The cells matching the search, in grid order; cells subscribe to their own key only. */
export class SearchMatches {
  private query = "";
  private matches = new Set<string>();
  private ordered: string[] = [];
  private readonly emitter = new TopicEmitter();

  /** Matching cell keys in the order of `cellOrder`. */
  get keys(): readonly string[] {
    return this.ordered;
  }

  /** The current query. */
  get text(): string {
    return this.query;
  }

  /** True when the cell matches. */
  has(cellKey: string): boolean {
    return this.matches.has(cellKey);
  }

  /** Runs the search over the map; `cellOrder` ranks cell keys in reading order. */
  update(query: string, view: MapView, catalogue: CellCatalogue, cellOrder: (key: string) => number): void {
    this.query = query;
    const needle = query.trim().toLocaleLowerCase();
    const next = new Set<string>();
    if (needle)
      for (const [key, cards] of view.cells())
        if (cards.some((c) => cardSearchText(c, catalogue).includes(needle))) next.add(key);
    const changed = [...next].filter((k) => !this.matches.has(k)).concat([...this.matches].filter((k) => !next.has(k)));
    this.matches = next;
    this.ordered = [...next].sort((a, b) => cellOrder(a) - cellOrder(b));
    for (const key of changed) this.emitter.emit(key);
    this.emitter.emit("*");
  }

  /** Marks exactly these cells, as a search would (a version compared with another marks what changed). */
  mark(keys: Iterable<string>): void {
    const next = new Set(keys);
    const changed = [...next].filter((k) => !this.matches.has(k)).concat([...this.matches].filter((k) => !next.has(k)));
    this.matches = next;
    this.ordered = [...next];
    for (const key of changed) this.emitter.emit(key);
    this.emitter.emit("*");
  }

  /** Listens to one cell key, or to every change with "*". */
  subscribe(key: string, listener: () => void): () => void {
    return this.emitter.subscribe(key, listener);
  }
}
