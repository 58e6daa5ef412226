import { PersonaFieldsSchema, type Persona, type PersonaFields } from "@opencjm/core";
import { ApiRequestError } from "../../api/apiClient.js";

/** The editable part of a persona: every field of `PersonaFieldsSchema`, nothing the server assigns. */
export type PersonaDraft = PersonaFields;

/** The fields of a stored persona, ready to edit. */
export function draftOf(persona: Persona): PersonaDraft {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = persona;
  return PersonaFieldsSchema.parse(fields);
}

/** One problem with one field, by its dotted path ("demographics.jobTitle", "buyingCommittee.0.name"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Checks a draft against the persona schema, the same rules the server applies. */
export function validateDraft(draft: unknown): FieldProblem[] {
  const result = PersonaFieldsSchema.safeParse(draft);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** The problems the server named in a rejected save, with the same paths as `validateDraft`. */
export function serverProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiRequestError)) return [];
  return error.issues.map((issue) => ({ path: issue.path.replace(/\[(\d+)\]/g, ".$1"), message: issue.message }));
}

/**
 * The catalogue key naming the field a problem is about: `personas.field.<top>` for plain fields, the nested field's
 * own key for demographics, psychographics, committee members and custom fields.
 */
export function fieldLabelKey(path: string): string {
  const [top, second, third] = path.split(".");
  if ((top === "demographics" || top === "psychographics") && second) return `personas.field.${top}.${second}`;
  if (top === "buyingCommittee" && third) return `personas.member.${third}`;
  if (top === "customFields" && third) return `personas.custom.${third === "value" ? "value" : "label"}`;
  return `personas.field.${top}`;
}

/** The 1-based item number inside a list field ("goals.2" is the third goal), for messages; undefined for plain fields. */
export function itemNumber(path: string): number | undefined {
  const index = path.split(".").find((part) => /^\d+$/.test(part));
  return index === undefined ? undefined : Number(index) + 1;
}
