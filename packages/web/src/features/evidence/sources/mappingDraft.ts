import type { ColumnRole, IdentifierKind, ImportMappingInput as ImportMapping, ScoreKind } from "@opencjm/core";

/** Every role a column can take, as one key for a select: `identifier:email`, `score:nps`, `attribute`… */
export const ROLE_KEYS = [
  "ignore",
  "identifier:customerId",
  "identifier:email",
  "identifier:phone",
  "identifier:cookie",
  "identifier:device",
  "identifier:other",
  "timestamp",
  "event",
  "channel",
  "score",
  "score:csat",
  "score:nps",
  "score:ces",
  "scoreKind",
  "text",
  "property",
  "attribute",
] as const;
/** The select key of a column role. */
export type RoleKey = (typeof ROLE_KEYS)[number];

/** Timestamp formats offered besides a custom strptime pattern. */
export const TIMESTAMP_FORMATS = ["auto", "iso", "dmy", "mdy", "epoch_s", "epoch_ms"] as const;

/** A mapping as the form edits it: one role per column of the file, in the file's order. */
export interface MappingDraft {
  columns: Array<{ column: string; role: RoleKey; name: string }>;
  timestampFormat: string;
  timeZone: string;
  eventName: string;
  channel: string;
  otherColumns: "properties" | "ignore";
  /** Rows repeating an earlier row exactly: refuse the file, import each event once, or keep every copy. */
  duplicates: "error" | "skip" | "keep";
}

/** One thing that keeps a draft from being imported, as a catalogue key and its values. */
export interface MappingProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** The select key of a column role. */
export function roleKeyOf(role: ColumnRole | undefined): RoleKey {
  if (!role) return "ignore";
  if (role.role === "identifier") return `identifier:${role.kind}`;
  if (role.role === "score") return role.kind ? `score:${role.kind}` : "score";
  return role.role;
}

/** The column role of a select key, with the property or attribute name when one was typed. */
export function roleOf(key: RoleKey, name: string): ColumnRole {
  const [role, kind] = key.split(":") as [string, string | undefined];
  if (role === "identifier") return { role: "identifier", kind: kind as IdentifierKind };
  if (role === "score") return kind ? { role: "score", kind: kind as ScoreKind } : { role: "score" };
  if (role === "property" || role === "attribute") return name.trim() ? { role, name: name.trim() } : { role };
  return { role } as ColumnRole;
}

/**
 * The draft for a file's header from a mapping (a source's saved one when it names these columns, else the guess):
 * columns the mapping does not name follow its `otherColumns`.
 */
export function draftFromMapping(header: readonly string[], mapping: ImportMapping): MappingDraft {
  const fallback: RoleKey = mapping.otherColumns === "properties" ? "property" : "ignore";
  return {
    columns: header.map((column) => {
      const role = mapping.columns[column];
      return {
        column,
        role: role ? roleKeyOf(role) : fallback,
        name: role && (role.role === "property" || role.role === "attribute") ? (role.name ?? "") : "",
      };
    }),
    timestampFormat: mapping.timestampFormat ?? "auto",
    timeZone: mapping.timeZone ?? "",
    eventName: mapping.eventName ?? "",
    channel: mapping.channel ?? "",
    otherColumns: mapping.otherColumns ?? "ignore",
    duplicates: mapping.duplicates ?? "error",
  };
}

/** True when a saved mapping fits a file: it names at least one of its columns and none the file lacks. */
export function mappingFits(
  header: readonly string[],
  mapping: ImportMapping | null | undefined,
): mapping is ImportMapping {
  if (!mapping) return false;
  const named = Object.keys(mapping.columns);
  return named.length > 0 && named.every((c) => header.includes(c));
}

/** The mapping the API takes, from a draft. */
export function mappingFromDraft(draft: MappingDraft): ImportMapping {
  const columns: Record<string, ColumnRole> = {};
  for (const c of draft.columns) columns[c.column] = roleOf(c.role, c.name);
  const mapping: ImportMapping = {
    columns,
    timestampFormat: draft.timestampFormat || "auto",
    otherColumns: draft.otherColumns,
    duplicates: draft.duplicates,
  };
  if (draft.timeZone.trim()) mapping.timeZone = draft.timeZone.trim();
  if (draft.eventName.trim()) mapping.eventName = draft.eventName.trim();
  if (draft.channel.trim()) mapping.channel = draft.channel.trim();
  return mapping;
}

/** The same checks the server makes before it reads a row, so the form can say what is missing at once. */
export function mappingProblems(draft: MappingDraft): MappingProblem[] {
  const count = (prefix: string) =>
    draft.columns.filter((c) => c.role === prefix || c.role.startsWith(`${prefix}:`)).length;
  const problems: MappingProblem[] = [];
  if (count("timestamp") !== 1)
    problems.push({ key: "evidence.mapping.problem.timestamp", values: { count: count("timestamp") } });
  if (count("identifier") === 0) problems.push({ key: "evidence.mapping.problem.identifier" });
  if (count("event") > 1)
    problems.push({ key: "evidence.mapping.problem.tooMany", values: { role: "event", count: count("event") } });
  if (count("event") === 0 && !draft.eventName.trim()) problems.push({ key: "evidence.mapping.problem.event" });
  for (const role of ["channel", "score", "scoreKind", "text"]) {
    const n =
      role === "score"
        ? draft.columns.filter((c) => c.role === "score" || c.role.startsWith("score:")).length
        : count(role);
    if (n > 1) problems.push({ key: "evidence.mapping.problem.tooMany", values: { role, count: n } });
  }
  if (count("scoreKind") === 1 && draft.columns.every((c) => c.role !== "score" && !c.role.startsWith("score:")))
    problems.push({ key: "evidence.mapping.problem.scoreKind" });
  if (draft.timeZone.trim() && !isTimeZone(draft.timeZone.trim()))
    problems.push({ key: "evidence.mapping.problem.timeZone", values: { zone: draft.timeZone.trim() } });
  return problems;
}

/** Is `zone` an IANA time-zone name this browser knows? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
