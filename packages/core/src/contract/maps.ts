import { z } from "zod";
import { MapSnapshotSchema, MapStatusSchema, MapTypeSchema } from "../schemas/journeyMap.js";
import { LaneTypeSchema } from "../schemas/lane.js";
import { InfographicSchema } from "./mapExport.js";
import { MapMetricsSchema } from "./mapMetrics.js";
import { PersonaSchema } from "../schemas/persona.js";
import { ChannelSchema, TouchpointSchema } from "../schemas/touchpoint.js";

/** A map's row: who made it and when, without its body. */
export const MapSummarySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  type: z.string(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MapSummary = z.infer<typeof MapSummarySchema>;

/** A map with its full body (`GET …/maps/{mapId}`, `POST …/future-state`, `POST …/draft-from-data`). */
export const MapWithSnapshotSchema = z.object({ map: MapSummarySchema, snapshot: MapSnapshotSchema });
export type MapWithSnapshot = z.infer<typeof MapWithSnapshotSchema>;

/** The answer to creating a map: the map, its body and what an older snapshot lost on the way up. */
export const MapCreatedSchema = MapWithSnapshotSchema.extend({ dropped: z.array(z.string()) });
export type MapCreated = z.infer<typeof MapCreatedSchema>;

/** One row of the home screen's map list (`GET …/maps`): the summary plus what the list shows and filters on. */
export const MapListItemSchema = MapSummarySchema.extend({
  type: MapTypeSchema,
  status: MapStatusSchema,
  goal: z.string(),
  personaIds: z.array(z.string()),
  tags: z.array(z.string()),
  stageCount: z.number().int(),
  stepCount: z.number().int(),
  basedOnMapId: z.string().optional(),
});
export type MapListItem = z.infer<typeof MapListItemSchema>;

/** A template of the gallery in one language (`GET /api/templates`). */
export const TemplateSummarySchema = z.object({
  id: z.string(),
  mapType: MapTypeSchema,
  name: z.string(),
  description: z.string(),
  lanes: z.array(LaneTypeSchema),
  stages: z.array(z.string()),
  stepCount: z.number(),
});

/** The map a template would create, for its preview (`GET /api/templates/{templateId}`). */
export const TemplatePreviewSchema = z.object({ template: TemplateSummarySchema, snapshot: MapSnapshotSchema });

/** A read-only share link of a map; the token itself is shown only once, when it is created. */
export const ShareLinkSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expired: z.boolean(),
  /** Whether the link shows the map's research appendix (research is otherwise for workspace members only). */
  includeResearch: z.boolean(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

/** Body of POST …/share-links. */
export const ShareLinkCreateSchema = z.strictObject({
  label: z.string().trim().max(120).default(""),
  /** When the link stops working; null or left out: never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Show the map's research appendix (per-step research and quotes, participants by code) through the link. */
  includeResearch: z.boolean().default(false),
});

/** The answer to creating a share link: the link, its token and the two addresses that open it. */
export const ShareLinkCreatedSchema = z.object({
  link: ShareLinkSchema,
  token: z.string(),
  url: z.string(),
  embedUrl: z.string(),
});
export type ShareLinkCreated = z.infer<typeof ShareLinkCreatedSchema>;

/** What a share link shows (`GET /api/share/{token}`): one map and only what rendering it needs. */
/** A table the PDF export prints after the map (descriptions, ideas, KPIs), worded in the export's language. */
export const PrintTableSchema = z.object({
  title: z.string(),
  headers: z.array(z.string()),
  /** Relative column widths. */
  widths: z.array(z.number()),
  rows: z.array(z.array(z.string())),
});
export type PrintTable = z.infer<typeof PrintTableSchema>;

export const SharedMapSchema = z.object({
  map: z.object({ id: z.string(), title: z.string(), type: z.string(), status: z.string(), updatedAt: z.string() }),
  snapshot: MapSnapshotSchema,
  personas: z.array(PersonaSchema),
  touchpoints: z.array(TouchpointSchema),
  channels: z.array(ChannelSchema),
  expiresAt: z.string().nullable(),
  /** Only for the internal link a PDF or PNG export prints through: the data lane's numbers (null: no data yet). */
  metrics: MapMetricsSchema.nullable().optional(),
  /** Only for that internal link: the appendix the PDF prints after the map (empty tables left out). */
  appendix: z.array(PrintTableSchema).optional(),
  /** The research appendix, only on a link that includes it (the sharer chose it, or the exporting member asked). */
  research: z.array(PrintTableSchema).optional(),
  /** Only for the link an infographic export prints through: its pains, opportunities, ideas and numbers. */
  infographic: InfographicSchema.optional(),
});
export type SharedMap = z.infer<typeof SharedMapSchema>;

/** A map file inside JSON, as the map import endpoints take it: text as it is, or any bytes as base64. */
export const MapImportFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  content: z.string().min(1),
  encoding: z.enum(["text", "base64"]).default("text"),
});
export type MapImportFile = z.input<typeof MapImportFileSchema>;

/** Something of an imported file the map does not keep: where it was, why, and every text it held. */
export const MapImportDroppedSchema = z.object({
  path: z.string(),
  /** The reason in the reader's language (their account's, else Accept-Language's). */
  reason: z.string(),
  /** The reason as a key of the shared `imports` catalogue and its values, for clients that word it themselves. */
  code: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  texts: z.array(z.string()),
});
export type MapImportDropped = z.infer<typeof MapImportDroppedSchema>;

/** What importing a map file would create and leave out (`POST …/maps/import/preview`). */
export const MapImportPreviewSchema = z.object({
  format: z.string(),
  title: z.string(),
  type: z.string(),
  stages: z.array(z.object({ name: z.string(), steps: z.array(z.string()) })),
  lanes: z.array(z.object({ name: z.string(), type: z.string(), cards: z.number() })),
  personas: z.array(z.string()),
  touchpoints: z.array(z.string()),
  counts: z.object({
    stages: z.number(),
    steps: z.number(),
    lanes: z.number(),
    cells: z.number(),
    cards: z.number(),
    emotions: z.number(),
  }),
  report: z.object({
    fromVersion: z.string().nullable(),
    dropped: z.array(MapImportDroppedSchema),
    notes: z.array(z.string()),
  }),
  /** Personas the workspace already has (same id), which the import reuses instead of creating. */
  reusedPersonas: z.array(z.string()),
});
export type MapImportPreview = z.infer<typeof MapImportPreviewSchema>;

/** The answer to a map import (`POST …/maps/import`): the new map and what it created. */
export const MapImportedSchema = z.object({
  mapId: z.string(),
  personaIds: z.array(z.string()),
  touchpointIds: z.array(z.string()),
  preview: MapImportPreviewSchema,
});
export type MapImported = z.infer<typeof MapImportedSchema>;
