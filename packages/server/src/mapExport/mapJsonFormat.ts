import {
  MAP_DOCUMENT_VERSION,
  PersonaSchema,
  TouchpointSchema,
  type MapSnapshot,
  type Persona,
  type Touchpoint,
} from "@opencjm/core";
import { z } from "zod";
import { IdeaRecordSchema, KpiRecordSchema, type IdeaKpiRecords } from "./ideaKpiRecords.js";

/**
 * Version of the export envelope (the map body inside carries its own document version). 2 added the map's ideas and
 * KPIs; a version 1 file has none, which is all its upgrade needs (the lists default to empty).
 */
export const MAP_EXPORT_FORMAT_VERSION = 2;

/**
 * The envelope of `cjm map export --format json`: the map's snapshot plus the personas and touchpoints it refers to,
 * and its ideas and KPIs.
 */
export const MapExportEnvelopeSchema = z.object({
  format: z.literal("opencjm.map"),
  formatVersion: z.number().int().min(1).max(MAP_EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  map: z.object({ id: z.string(), title: z.string() }).loose(),
  /** Validated separately by upgradeSnapshot, which accepts every earlier document version. */
  snapshot: z.unknown(),
  personas: z.array(PersonaSchema.loose()).default([]),
  /** Touchpoints the map's touchpoint cards refer to, so the map can be imported into another workspace. */
  touchpoints: z.array(TouchpointSchema.loose()).default([]),
  /** Ideas linked to the map (format 2 on), with their links, scores, status history and measured effect. */
  ideas: z.array(IdeaRecordSchema).max(100_000).default([]),
  /** KPIs on the map's stages, steps and touchpoints (format 2 on), with their values entered by hand. */
  kpis: z.array(KpiRecordSchema).max(100_000).default([]),
});
export type MapExportEnvelope = z.infer<typeof MapExportEnvelopeSchema>;

/** Builds the JSON export of a map. */
export function toMapExport(
  map: { id: string; title: string; type: string; status: string },
  snapshot: MapSnapshot,
  personas: Persona[],
  touchpoints: Touchpoint[],
  records: IdeaKpiRecords = { ideas: [], kpis: [] },
): MapExportEnvelope {
  return {
    format: "opencjm.map",
    formatVersion: MAP_EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    map: { ...map, documentVersion: MAP_DOCUMENT_VERSION },
    snapshot,
    personas,
    touchpoints,
    ideas: records.ideas,
    kpis: records.kpis,
  };
}
