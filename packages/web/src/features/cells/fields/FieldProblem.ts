import { CardSchema, type Card } from "@opencjm/core";

/** Why a value cannot be saved, as a code the field translates (`cells.problem.<code>`). */
export interface FieldProblem {
  /** The card field at fault ("text", "whys", "url"…). */
  field: string;
  code:
    | "tooLong"
    | "required"
    | "notNumber"
    | "outOfRange"
    | "invalidUrl"
    | "tooMany"
    | "imageTooLarge"
    | "notAnImage"
    | "refused"
    | "invalid";
  /** The limit that was passed (characters, items or the largest number). */
  max?: number;
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  expected?: string;
}

/** Translates the first schema complaint about a card into a problem a person understands. */
function problemOf(issue: ZodLikeIssue | undefined): FieldProblem {
  const field = String(issue?.path[0] ?? "");
  if (!issue) return { field, code: "invalid" };
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    if (issue.origin === "array") return { field, code: "tooMany", max };
    if (issue.origin === "string") return { field, code: "tooLong", max };
    return { field, code: "outOfRange", max };
  }
  if (issue.code === "too_small")
    return issue.origin === "string" ? { field, code: "required" } : { field, code: "outOfRange" };
  if (issue.code === "invalid_type" && issue.expected === "number") return { field, code: "notNumber" };
  if (issue.code === "custom" && field === "url") return { field, code: "invalidUrl" };
  return { field, code: "invalid" };
}

/** The problem with changing these fields of a card, or null when the changed card is valid. */
export function cardFieldProblem(card: Card, fields: Record<string, unknown>): FieldProblem | null {
  const parsed = CardSchema.safeParse({ ...card, ...fields });
  return parsed.success ? null : problemOf(parsed.error.issues[0] as ZodLikeIssue | undefined);
}

/** The problem with a new card's content, or null when it is a valid card. */
export function newCardProblem(content: Record<string, unknown>): FieldProblem | null {
  const parsed = CardSchema.safeParse({ ...content, id: "new", order: "a0" });
  return parsed.success ? null : problemOf(parsed.error.issues[0] as ZodLikeIssue | undefined);
}
