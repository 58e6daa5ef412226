import { z } from "zod";
import { IdSchema } from "../ids.js";
import { SegmentRuleSchema } from "../schemas/persona.js";

const count = z.number().int();

/** Body of POST …/segments/size: a segment rule, or a persona whose saved segment rule is counted. */
export const SegmentSizeRequestSchema = z
  .strictObject({ segment: SegmentRuleSchema.optional(), personaId: IdSchema.optional() })
  .refine((b) => (b.segment === undefined) !== (b.personaId === undefined), {
    message: "give a segment or a personaId, not both",
    path: ["segment"],
  });

/** How many customers a segment selects, of all customers with events. */
export const SegmentSizeSchema = z.object({ customers: count, total: count, share: z.number().nullable() });
export type SegmentSize = z.infer<typeof SegmentSizeSchema>;

/** What the imported data holds, for pickers (`GET …/data/facets`). */
export const DataFacetsSchema = z.object({
  totalEvents: count,
  totalCustomers: count,
  firstEventAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  channels: z.array(z.object({ channel: z.string(), events: count, customers: count })),
  eventNames: z.array(
    z.object({ eventName: z.string(), channel: z.string().nullable(), events: count, customers: count }),
  ),
  properties: z.array(z.object({ name: z.string(), events: count })),
  attributes: z.array(
    z.object({
      name: z.string(),
      customers: count,
      values: z.array(z.object({ value: z.string(), customers: count })),
    }),
  ),
});
export type DataFacets = z.infer<typeof DataFacetsSchema>;

/** Events no touchpoint rule takes, by name and channel (`GET …/data/unmapped`). */
export const UnmatchedEventsSchema = z.object({
  events: count,
  customers: count,
  distinct: count,
  items: z.array(z.object({ eventName: z.string(), channel: z.string().nullable(), events: count, customers: count })),
});
export type UnmatchedEvents = z.infer<typeof UnmatchedEventsSchema>;
