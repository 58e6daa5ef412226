import {
  MAP_DOCUMENT_VERSION,
  PersonaSchema,
  TouchpointSchema,
  type MapSnapshot,
  type Persona,
  type Touchpoint,
} from "@opencjm/core";
import { z } from "zod";

/** Version of the export envelope (the map body inside carries its own document version). */
export const MAP_EXPORT_FORMAT_VERSION = 1;

/** The envelope of `cjm map export --format json`: the map's snapshot plus the personas and touchpoints it refers to. */
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
});
export type MapExportEnvelope = z.infer<typeof MapExportEnvelopeSchema>;

/** Builds the JSON export of a map. */
export function toMapExport(
  map: { id: string; title: string; type: string; status: string },
  snapshot: MapSnapshot,
  personas: Persona[],
  touchpoints: Touchpoint[],
): MapExportEnvelope {
  return {
    format: "opencjm.map",
    formatVersion: MAP_EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    map: { ...map, documentVersion: MAP_DOCUMENT_VERSION },
    snapshot,
    personas,
    touchpoints,
  };
}
