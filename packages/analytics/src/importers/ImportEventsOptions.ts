import type {
  GuessNote,
  ImportFormat,
  ImportMapping,
  ImportMappingInput,
  ImportPhase,
  ImportProgress,
  Source,
  SkippedRow,
  SourceKind,
  TextEncoding,
} from "@opencjm/core";
import type { EventDatabase } from "../engines/duckdb/openEventDatabase.js";
import type { OverCapIdentifier, StitchingLimits } from "../stitching/stitchIdentities.js";
import type { StagedSummary } from "./checkStaged.js";

/** One import: the file, where it goes, and how to read it. */
export interface ImportEventsOptions {
  path: string;
  /** Name for messages and format detection (an upload's original name); defaults to the path's base name. */
  fileName?: string;
  /** An existing source, or one by name, created when the import succeeds if it does not exist yet. */
  source: { sourceId: string } | { name: string; kind?: SourceKind };
  /** Column mapping; defaults to the source's saved mapping, then to a guess from the header. */
  mapping?: ImportMappingInput;
  format?: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  timeZone?: string;
  timestampFormat?: string;
  /** Rows repeating an earlier row exactly: refuse, skip or keep them, over what the mapping says. */
  duplicates?: "error" | "skip" | "keep";
  /**
   * Leave out the rows whose values cannot be read (a timestamp, event name or score), each counted and listed with
   * its reason, instead of refusing the whole file at the first one (the default).
   */
  skipBadRows?: boolean;
  importId?: string;
  limits?: Partial<StitchingLimits>;
  /** Extra placeholder identifier values to ignore, besides the built-in deny-list. */
  denyList?: string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Rebuild the sorted journey store after committing (default true). */
  rebuildStore?: boolean;
  afterCommit?: (db: EventDatabase) => Promise<void>;
  /** Cancels the import: it stops within moments and rolls back; a string reason ("by Ana") goes into its message. */
  signal?: AbortSignal;
}

/** What a successful import did. */
export interface ImportResult {
  importId: string;
  source: Source;
  fileName: string;
  format: ImportFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  timestampFormat: string;
  mapping: ImportMapping;
  mappingOrigin: "given" | "saved" | "guessed";
  /** What the guess set aside, and a time column that does not change within a customer's rows. */
  warnings: string[];
  /** The warnings as codes with values (vocabulary `guessNote.<code>`), for the reader's language. */
  notes: GuessNote[];
  rowsRead: number;
  eventsStored: number;
  duplicatesSkipped: number;
  rowsWithoutIdentifierSkipped: number;
  /** Rows left out because a value could not be read (only with skipBadRows). */
  badRowsSkipped: number;
  /** The first of those rows (at most MAX_LISTED_SKIPPED_ROWS), in file order, with the column and the reason. */
  skippedRows: SkippedRow[];
  junk: StagedSummary["junk"];
  ignoredIdentifiers: OverCapIdentifier[];
  /** Customers, identifiers and merges in the whole workspace after the import. */
  customers: number;
  identities: number;
  merges: number;
  /** Set when the data was committed but rebuilding the journey store failed. */
  storeError?: string;
  seconds: Partial<Record<ImportPhase, number>>;
}
