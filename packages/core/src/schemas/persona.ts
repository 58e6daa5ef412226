import { z } from "zod";
import { ChannelIdSchema, PersonaIdSchema } from "../ids.js";
import { LocaleSchema } from "../locale.js";

const text = (max = 2000) => z.string().max(max);
const list = z.array(text(500)).max(50);

/** Roles in a B2B buying decision (PRODUCT.md §4.1). */
export const DECISION_ROLES = ["initiator", "user", "influencer", "decider", "buyer", "gatekeeper"] as const;
export const DecisionRoleSchema = z.enum(DECISION_ROLES);
export type DecisionRole = z.infer<typeof DecisionRoleSchema>;

export const URGENCY_LEVELS = ["low", "medium", "high"] as const;

export const DemographicsSchema = z.strictObject({
  gender: text(60).optional(),
  ageRange: text(40).optional(),
  jobTitle: text(120).optional(),
  duties: text().optional(),
  income: text(120).optional(),
  region: text(120).optional(),
  companySize: text(60).optional(),
  industry: text(120).optional(),
  education: text(120).optional(),
  familyStatus: text(120).optional(),
});

export const PsychographicsSchema = z.strictObject({
  values: list.default([]),
  interests: list.default([]),
  personality: text().optional(),
  attitudes: text().optional(),
});

/** A member of a B2B buying committee around the persona. */
export const CommitteeMemberSchema = z.strictObject({
  name: text(120).min(1),
  title: text(120).optional(),
  role: DecisionRoleSchema,
  concerns: list.default([]),
  personaId: PersonaIdSchema.optional(),
});

export const CustomFieldSchema = z.strictObject({
  key: z.string().min(1).max(60),
  label: text(120).min(1),
  value: text(),
});

/** A segment rule over customer attributes; evaluated by analytics (PRODUCT.md §4.6). */
export const SegmentRuleSchema = z.strictObject({
  match: z.enum(["all", "any"]),
  conditions: z
    .array(
      z.strictObject({
        attribute: z.string().min(1).max(120),
        operator: z.enum(["eq", "neq", "in", "contains", "gt", "gte", "lt", "lte", "exists"]),
        value: z.union([z.string().max(500), z.number(), z.array(z.string().max(500)).max(100)]).optional(),
      }),
    )
    .max(50),
});
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;

/** The editable fields of a persona. */
export const PersonaFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(["b2c", "b2b"]).default("b2c"),
  summary: text().default(""),
  quote: text(500).default(""),
  photoUrl: z.string().max(2048).optional(),
  avatarSeed: z.string().max(120).optional(),
  demographics: DemographicsSchema.default({}),
  goals: list.default([]),
  needs: list.default([]),
  concerns: list.default([]),
  frustrations: list.default([]),
  requirements: list.default([]),
  urgency: z.enum(URGENCY_LEVELS).optional(),
  psychographics: PsychographicsSchema.default({ values: [], interests: [] }),
  behaviours: list.default([]),
  preferredChannels: z.array(ChannelIdSchema).max(50).default([]),
  decisionRole: DecisionRoleSchema.optional(),
  buyingCommittee: z.array(CommitteeMemberSchema).max(30).default([]),
  segment: SegmentRuleSchema.optional(),
  customFields: z.array(CustomFieldSchema).max(50).default([]),
  tags: z.array(z.string().max(60)).max(30).default([]),
  locale: LocaleSchema.optional(),
});
export type PersonaFields = z.infer<typeof PersonaFieldsSchema>;
export type PersonaFieldsInput = z.input<typeof PersonaFieldsSchema>;

export const PersonaSchema = PersonaFieldsSchema.extend({
  id: PersonaIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Persona = z.infer<typeof PersonaSchema>;
