import { z } from "zod";
import { IdeaStatusSchema } from "./ideas.js";

/**
 * Every format a map exports to (`GET …/maps/{mapId}/export?format=`). pdf and png are the map as the print view lays
 * it out; infographic (a PDF) and infographic-png are one designed page summarising the map; the rest are made from
 * the map's data without a browser.
 */
export const EXPORT_FORMATS = [
  "pdf",
  "png",
  "infographic",
  "infographic-png",
  "pptx",
  "xlsx",
  "csv",
  "json",
  "md",
  "mermaid",
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** The layouts of the print view: the map itself (paginated or one image), or the one-page infographic. */
export const PrintLayoutSchema = z.enum(["map", "infographic"]);
export type PrintLayout = z.infer<typeof PrintLayoutSchema>;

const text = z.string().max(2000);

/** A point of a measured emotion curve: a step of the map and its value on the map's emotion scale. */
const InfographicEmotionSchema = z.object({ stepId: z.string(), value: z.number() });

/**
 * What the infographic shows beyond the map itself, chosen by the server: the worst pain points, the first
 * opportunities, the best-scored ideas, and — when the workspace has customer data for the map — a few totals and the
 * measured emotion per step. Aggregates only: no customer, participant or quote ever reaches it.
 */
export const InfographicSchema = z.object({
  /** Up to three pain points, most severe first (1–5), with the step they sit at. */
  pains: z.array(z.object({ text, severity: z.number().int().min(1).max(5), step: z.string() })).max(3),
  /** Up to three opportunities, those with the most linked ideas first, then in the map's order. */
  opportunities: z.array(z.object({ text, step: z.string(), ideas: z.number().int().min(0) })).max(3),
  /** Up to three of the map's ideas, best ICE score first, with their status. */
  ideas: z.array(z.object({ title: z.string().max(200), status: IdeaStatusSchema })).max(3),
  /** Totals over the workspace's customer data for this map; null when it has none. */
  numbers: z
    .object({
      customers: z.number().int().min(0),
      /** Share of the customers at the first step who reached the last one, and the names of the two steps. */
      conversion: z.object({ from: z.string(), to: z.string(), rate: z.number().min(0).max(1) }).nullable(),
      /** A typical journey's length: the stages' median times to the next stage, added up, in milliseconds. */
      medianMs: z.number().min(0).nullable(),
      nps: z.number().nullable(),
      /** Mean CSAT over every step's answers, on the answers' own scale. */
      csat: z.number().nullable(),
      /** The conversion window the figures were computed with (hours), printed beside them. */
      conversionWindowHours: z.number(),
    })
    .nullable(),
  /** The emotion measured from scores or sentiment at each step that has it. */
  measuredEmotion: z.array(InfographicEmotionSchema),
});
export type Infographic = z.infer<typeof InfographicSchema>;
