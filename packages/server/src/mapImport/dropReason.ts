import { translate, type ImportMessageKey, type Locale, type MessageValues } from "@opencjm/core";
import type { DroppedItem, ImportReport, WordedImportReport } from "./ImportDraft.js";
import { wordImportNote } from "./importNote.js";

/** Why an import left something out: a key of the shared `imports` catalogue (packages/core/src/i18n/imports/). */
export type DropCode = Exclude<ImportMessageKey, "withCount" | `count.${string}` | `note.${string}`>;

/** A reason as code and values, worded only when someone reads it, in the reader's language. */
export interface DropReason {
  code: DropCode;
  values: MessageValues;
}

// The items a field of many can be counted in; anything else is counted as "items".
const COUNTED_ITEMS = new Set(["nodes", "stages", "swimlanes"]);

/**
 * A reason in words. A reason standing for a field of many items carries `count` and `of` (the items, as the file
 * names them: "nodes") and reads "cards have no tags (4 nodes)".
 */
export function wordDropReason(locale: Locale, { code, values }: DropReason): string {
  const reason = translate(locale, "imports", code, values);
  if (typeof values.count !== "number") return reason;
  const of = typeof values.of === "string" && COUNTED_ITEMS.has(values.of) ? values.of : "items";
  const items = translate(locale, "imports", `count.${of}` as ImportMessageKey, { count: values.count });
  return translate(locale, "imports", "withCount", { reason, items });
}

/** A dropped item, its reason worded in English until the report is worded for its reader. */
export function droppedItem(path: string, reason: DropReason, texts: string[]): DroppedItem {
  return { path, code: reason.code, values: reason.values, reason: wordDropReason("en", reason), texts };
}

/** The report with every reason and note worded in the reader's language; paths and texts as they were. */
export function localiseImportReport(report: ImportReport, locale: Locale): WordedImportReport {
  return {
    ...report,
    dropped: report.dropped.map((item) => ({ ...item, reason: wordDropReason(locale, item) })),
    notes: report.notes.map((note) => wordImportNote(locale, note)),
  };
}
