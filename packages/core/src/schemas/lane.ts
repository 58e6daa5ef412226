import { z } from "zod";
import { ChannelIdSchema, TouchpointIdSchema } from "../ids.js";

/** Every lane type of PRODUCT.md §4.3. */
export const LANE_TYPES = [
  "text",
  "actions",
  "thoughts",
  "touchpoints",
  "channels",
  "emotion",
  "quotes",
  "painPoints",
  "opportunities",
  "kpis",
  "stakeholders",
  "expectations",
  "risks",
  "momentsOfTruth",
  "duration",
  "frontstage",
  "backstage",
  "support",
  "images",
  "links",
  "data",
] as const;
export const LaneTypeSchema = z.enum(LANE_TYPES);
export type LaneType = z.infer<typeof LaneTypeSchema>;

/** How much of a card is known rather than guessed (PRODUCT.md §4.3). */
export const EvidenceSchema = z.strictObject({
  level: z.enum(["assumption", "research", "data"]),
  /** Ids of the quotes, studies or metrics the card rests on. */
  refs: z.array(z.string().max(200)).max(50).default([]),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const shortText = z.string().max(500);
const longText = z.string().max(20_000);
const url = z
  .string()
  .max(2048)
  .refine(
    (u) => /^(https?:\/\/|\/|data:image\/(png|jpeg|gif|webp);)/i.test(u),
    "must be an http(s) URL, a path or an image data URL",
  );

const base = {
  id: z.string().min(1).max(64),
  order: z.string().min(1).max(64),
  evidence: EvidenceSchema.default({ level: "assumption", refs: [] }),
};

export const MOMENTS_OF_TRUTH = ["ZMOT", "FMOT", "SMOT", "TMOT", "sharing"] as const;

/** Content of one card in a cell; `kind` must fit the lane type (see `cardKindsForLane`). */
export const CardSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...base, kind: z.literal("text"), text: longText }),
  z.strictObject({ ...base, kind: z.literal("action"), text: longText }),
  z.strictObject({ ...base, kind: z.literal("thought"), text: longText, question: z.boolean().default(false) }),
  z.strictObject({
    ...base,
    kind: z.literal("touchpoint"),
    touchpointId: TouchpointIdSchema,
    note: shortText.default(""),
  }),
  z.strictObject({ ...base, kind: z.literal("channel"), channelId: ChannelIdSchema }),
  z.strictObject({
    ...base,
    kind: z.literal("quote"),
    text: longText,
    source: shortText.default(""),
    participant: shortText.default(""),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("painPoint"),
    text: longText,
    severity: z.number().int().min(1).max(5),
    rootCause: longText.default(""),
    whys: z.array(shortText).max(10).default([]),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("opportunity"),
    text: longText,
    ideaIds: z.array(z.string().max(64)).max(50).default([]),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("kpi"),
    name: shortText.min(1),
    kpiId: z.string().max(64).optional(),
    unit: z.string().max(30).default(""),
    target: z.number().optional(),
    actual: z.number().optional(),
  }),
  z.strictObject({ ...base, kind: z.literal("stakeholder"), name: shortText.min(1), role: shortText.default("") }),
  z.strictObject({ ...base, kind: z.literal("expectation"), text: longText }),
  z.strictObject({
    ...base,
    kind: z.literal("risk"),
    text: longText,
    likelihood: z.enum(["low", "medium", "high"]).default("medium"),
    impact: z.enum(["low", "medium", "high"]).default("medium"),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("momentOfTruth"),
    moment: z.enum(MOMENTS_OF_TRUTH),
    note: shortText.default(""),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("duration"),
    minutes: z
      .number()
      .min(0)
      .max(525_600 * 10)
      .optional(),
    label: shortText.default(""),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("process"),
    text: longText,
    actor: shortText.default(""),
    failurePoint: z.boolean().default(false),
    waitPoint: z.boolean().default(false),
  }),
  z.strictObject({ ...base, kind: z.literal("image"), url, alt: shortText.default("") }),
  z.strictObject({ ...base, kind: z.literal("link"), url, title: shortText.default("") }),
  z.strictObject({ ...base, kind: z.literal("data"), metric: z.string().min(1).max(120), note: shortText.default("") }),
]);
export type Card = z.infer<typeof CardSchema>;
export type CardInput = z.input<typeof CardSchema>;
export type CardKind = Card["kind"];

const kindsByLane: Record<LaneType, readonly CardKind[]> = {
  text: ["text"],
  actions: ["action"],
  thoughts: ["thought"],
  touchpoints: ["touchpoint"],
  channels: ["channel"],
  emotion: [],
  quotes: ["quote"],
  painPoints: ["painPoint"],
  opportunities: ["opportunity"],
  kpis: ["kpi"],
  stakeholders: ["stakeholder"],
  expectations: ["expectation"],
  risks: ["risk"],
  momentsOfTruth: ["momentOfTruth"],
  duration: ["duration"],
  frontstage: ["process"],
  backstage: ["process"],
  support: ["process"],
  images: ["image"],
  links: ["link"],
  data: ["data"],
};

/** The card kinds a lane of this type may hold; the emotion lane holds emotion points, not cards. */
export function cardKindsForLane(type: LaneType): readonly CardKind[] {
  return kindsByLane[type];
}

/** A card's content as a caller writes it: without the id and order the document assigns (distributes over kinds). */
export type CardContentInput = CardInput extends infer C
  ? C extends unknown
    ? Omit<C, "id" | "order">
    : never
  : never;
