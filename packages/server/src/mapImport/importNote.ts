import {
  channelName,
  translate,
  type ImportMessageKey,
  type LaneType,
  type Locale,
  type MessageValues,
} from "@opencjm/core";

/** A guess or adjustment an import tells the user about: a key of the shared `imports` catalogue (`note.*`). */
export type NoteCode = Extract<ImportMessageKey, `note.${string}`>;

/** Values of a note that are words of the product, worded in the reader's language: a lane type, channel keys. */
export interface NoteWords {
  laneType?: LaneType;
  channel?: string;
  channels?: readonly string[];
}

/** A note as code and values, worded only when someone reads it, in the reader's language. */
export interface ImportNote {
  /** Where in the file, as the dropped items say it (`nodes[3]`, `line 4`), or null for the whole file. */
  path: string | null;
  code: NoteCode;
  values: MessageValues;
  words: NoteWords;
}

/** A note about the file at `path`. */
export function importNote(
  path: string | null,
  code: NoteCode,
  values: MessageValues = {},
  words: NoteWords = {},
): ImportNote {
  return { path, code, values, words };
}

/** A note in words, in a language: "nodes[3]: score 7 is outside −5…5, kept as 5". */
export function wordImportNote(locale: Locale, note: ImportNote): string {
  const { laneType, channel, channels } = note.words;
  const values: MessageValues = { ...note.values };
  const channelWord = (key: string) => channelName(key, locale) ?? key;
  if (laneType) values.laneType = translate(locale, "vocabulary", `laneType.${laneType}`);
  if (channel) values.channel = channelWord(channel);
  if (channels)
    values.channels = new Intl.ListFormat(locale, { type: "conjunction" }).format(channels.map(channelWord));
  const text = translate(locale, "imports", note.code, values);
  return note.path ? `${note.path}: ${text}` : text;
}

/** Adds a note unless the report has the same one already (a guess made for many items is told once). */
export function addImportNote(notes: ImportNote[], note: ImportNote): void {
  const key = JSON.stringify(note);
  if (!notes.some((n) => JSON.stringify(n) === key)) notes.push(note);
}
