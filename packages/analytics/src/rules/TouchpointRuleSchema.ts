import { z } from "zod";
import { IdSchema, TouchpointIdSchema } from "@opencjm/core";

/** A name a property or attribute is looked up by; quotes, backslashes and control characters are refused. */
export const PropertyNameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine(
    (s) => !/["\\]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 0x20),
    "must not contain quotes, backslashes or control characters",
  );

const text = z.string().max(500);

/**
 * One condition on an event's properties: `eq`/`neq`/`contains` compare text, `in` takes a list, `gt`…`lte` compare
 * numbers (a value that is not a number never matches), `exists` needs no value.
 */
export const PropertyConditionSchema = z.discriminatedUnion("operator", [
  z.strictObject({ property: PropertyNameSchema, operator: z.enum(["eq", "neq", "contains"]), value: text }),
  z.strictObject({ property: PropertyNameSchema, operator: z.literal("in"), value: z.array(text).min(1).max(100) }),
  z.strictObject({
    property: PropertyNameSchema,
    operator: z.enum(["gt", "gte", "lt", "lte"]),
    value: z.number().finite(),
  }),
  z.strictObject({ property: PropertyNameSchema, operator: z.literal("exists") }),
]);
export type PropertyCondition = z.infer<typeof PropertyConditionSchema>;

const matchFields = {
  /** Event names that match exactly (case-sensitive). */
  eventNames: z.array(z.string().min(1).max(200)).max(500).default([]),
  /** A wildcard pattern over event names: `*` any run of characters, `?` one character; case-sensitive. */
  pattern: z.string().min(1).max(200).optional(),
  /** Only events on this channel (exact, case-sensitive); any channel when left out. */
  channel: z.string().min(1).max(120).optional(),
  /** All must hold. */
  conditions: z.array(PropertyConditionSchema).max(20).default([]),
};
const fields = { touchpointId: TouchpointIdSchema, ...matchFields };

const needsNames = (r: { eventNames: string[]; pattern?: string }) =>
  r.eventNames.length > 0 || r.pattern !== undefined;
const namesMessage = { message: "give eventNames or a pattern", path: ["eventNames"] };

/** Which events a rule matches, without the touchpoint it assigns them to (for previews). */
export const RuleMatchSchema = z.strictObject(matchFields).refine(needsNames, namesMessage);
export type RuleMatch = z.infer<typeof RuleMatchSchema>;

/** The fields a caller writes to create a touchpoint mapping rule. */
export const TouchpointRuleFieldsSchema = z.strictObject(fields).refine(needsNames, namesMessage);
export type TouchpointRuleFields = z.infer<typeof TouchpointRuleFieldsSchema>;

/** A partial update of a rule; fields left out stay as they are (`pattern: null` removes the pattern). */
export const TouchpointRulePatchSchema = z.strictObject({
  touchpointId: fields.touchpointId.optional(),
  eventNames: z.array(z.string().min(1).max(200)).max(500).optional(),
  pattern: fields.pattern.nullable().optional(),
  channel: fields.channel.nullable().optional(),
  conditions: z.array(PropertyConditionSchema).max(20).optional(),
  /** Move the rule before or after another rule of the workspace (rules are tried in order). */
  position: z.strictObject({ before: IdSchema.optional(), after: IdSchema.optional() }).optional(),
});

/**
 * A touchpoint mapping rule (PRODUCT.md §4.6): which events are this touchpoint. Rules are tried in `order`
 * (a fractional index) and the first that matches an event decides its touchpoint.
 */
export const TouchpointRuleSchema = z
  .strictObject({ ...fields, id: IdSchema, order: z.string().min(1).max(64) })
  .refine(needsNames, namesMessage);
export type TouchpointRule = z.infer<typeof TouchpointRuleSchema>;
