import type { MessageValues } from "@opencjm/core";
import { droppedItem, type DropCode } from "./dropReason.js";
import type { ImportReport } from "./ImportDraft.js";
import { distinctTexts, stringLeaves } from "./stringLeaves.js";

/**
 * Reads the fields of a foreign file's objects and keeps account of what it did not read, so every text of the file
 * either reaches the map or is named in the report. Fields of many items (`nodes[].icon`) are reported once, with
 * their distinct texts and how many items had them.
 */
export class FieldLedger {
  private readonly unread = new Map<string, { code: DropCode; params: MessageValues; values: unknown[] }>();

  constructor(private readonly report: ImportReport) {}

  /** A text field: strings as they are, numbers as written; anything else is reported and read as absent. */
  text(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    this.report.dropped.push(droppedItem(path, { code: "expectedText", values: {} }, stringLeaves(value)));
    return undefined;
  }

  /** Reports one field of many items as not kept (aggregated under `group`, e.g. `nodes[].icon`). */
  leave(group: string, value: unknown, code: DropCode, params: MessageValues = {}): void {
    const entry = this.unread.get(group) ?? { code, params, values: [] };
    entry.values.push(value);
    this.unread.set(group, entry);
  }

  /** Reports every field of an object the reader does not know, grouped by `prefix` (`nodes[]`, `stages[]`). */
  leaveUnknown(object: Record<string, unknown>, known: ReadonlySet<string>, prefix: string): void {
    for (const [key, value] of Object.entries(object))
      if (!known.has(key) && value !== undefined)
        this.leave(`${prefix}.${key}`.replace(/^\./, ""), value, "noPlaceFor", { field: key });
  }

  /** Writes the grouped fields into the report; call once, when reading is done. */
  close(): void {
    for (const [path, { code, params, values }] of this.unread) {
      // "nodes[].icon" counts nodes, "stages[].color" stages.
      const of = path.match(/(\w+)\[\]/)?.[1];
      const counted = of ? { ...params, count: values.length, of } : params;
      this.report.dropped.push(droppedItem(path, { code, values: counted }, distinctTexts(values)));
    }
    this.unread.clear();
  }
}
