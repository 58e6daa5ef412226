import type { MapSnapshot, PersonaFields, TouchpointFields } from "@opencjm/core";
import type { IdeaKpiRecords } from "../mapExport/ideaKpiRecords.js";
import type { DropReason } from "./dropReason.js";
import type { ImportNote } from "./importNote.js";

/** The file formats a map can be imported from. */
export const IMPORT_FORMATS = ["json", "xlsx", "csv", "mermaid", "ojf"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Something of the file the map does not keep: where it was, why it is left out, and the texts it held. */
export interface DroppedItem extends DropReason {
  /** Where in the file: a field path (`nodes[3].tags`, `nodes[].icon` for a field of many), a line or a cell. */
  path: string;
  /** Why the map does not keep it, in words a user understands (`code` and `values` worded; English until read). */
  reason: string;
  /** Every text it held, so nothing leaves the file unseen (distinct values when it stands for many items). */
  texts: string[];
}

/** What a parser understood, what it left out and what it had to guess. */
export interface ImportReport {
  /** Document or format version the file was written in, when it says. */
  fromVersion: string | null;
  /** What the file has that the map cannot hold or that refers to nothing, with its texts and the reason. */
  dropped: DroppedItem[];
  /** Guesses and adjustments worth telling the user (a lane type chosen from its name, a score clamped). */
  notes: ImportNote[];
}

/** The report as a reader gets it: every reason and note worded in the reader's language. */
export type WordedImportReport = Omit<ImportReport, "notes"> & { notes: string[] };

/** A persona or touchpoint the file brings along, under the id the file gave it. */
export interface DraftEntity<T> {
  oldId: string;
  fields: T;
}

/** A parsed file, ready to preview or to create: nothing has been written yet. */
export interface ImportDraft {
  format: ImportFormat;
  snapshot: MapSnapshot;
  personas: Array<DraftEntity<PersonaFields>>;
  touchpoints: Array<DraftEntity<TouchpointFields>>;
  /** Our JSON only: the map's ideas and KPIs under the file's ids, and the id the map had (which they name). */
  ideasAndKpis?: { mapId: string; records: IdeaKpiRecords };
  report: ImportReport;
}

/** An empty report. */
export function emptyReport(fromVersion: string | null = null): ImportReport {
  return { fromVersion, dropped: [], notes: [] };
}
