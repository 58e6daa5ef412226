import { MAP_DOCUMENT_VERSION, MapSnapshotSchema } from "@opencjm/core";
import { z } from "zod";
import { MAP_EXPORT_FORMAT_VERSION, MapExportEnvelopeSchema } from "./mapJsonFormat.js";

/** Where the app serves the JSON Schema of the current export format. */
export const MAP_SCHEMA_PATH = `/api/schemas/map-v${MAP_EXPORT_FORMAT_VERSION}.json`;

/**
 * The JSON Schema of our map export (format version `MAP_EXPORT_FORMAT_VERSION`, document version
 * `MAP_DOCUMENT_VERSION`), generated from the zod schemas the importer validates with. Import also accepts every
 * earlier version and upgrades it; this schema describes what export writes today.
 */
export function mapJsonSchema(): Record<string, unknown> {
  const envelope = MapExportEnvelopeSchema.extend({
    formatVersion: z.literal(MAP_EXPORT_FORMAT_VERSION),
    snapshot: MapSnapshotSchema,
  });
  const schema = z.toJSONSchema(envelope, { target: "draft-2020-12", io: "output", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    title: `OpenCJM journey map, export format ${MAP_EXPORT_FORMAT_VERSION} (document version ${MAP_DOCUMENT_VERSION})`,
    description:
      "A journey map with the personas and touchpoints it refers to and its ideas and KPIs, as written by `cjm map export --format json` and GET …/maps/{mapId}/export?format=json. Stages, steps and lanes are sorted by their fractional `order` key; a cell is one lane at one step.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
