import { z } from "zod";
import { MapSnapshotSchema } from "../schemas/journeyMap.js";

/** How a version came to be: the map's first state, a checkpoint after editing, a name someone gave, a restore. */
export const MapVersionKindSchema = z.enum(["created", "auto", "named", "restored"]);
export type MapVersionKind = z.infer<typeof MapVersionKindSchema>;

/** Someone who edited the map between the previous version and this one, and when. */
export const VersionAuthorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  firstEditAt: z.string(),
  lastEditAt: z.string(),
});
export type VersionAuthor = z.infer<typeof VersionAuthorSchema>;

/** One version of a map's history, without its body. */
export const MapVersionSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  kind: MapVersionKindSchema,
  /** The name someone gave it ("Before the workshop"); null for checkpoints. */
  name: z.string().nullable(),
  createdAt: z.string(),
  /** Who named or restored it; null for checkpoints. */
  createdBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
  authors: z.array(VersionAuthorSchema),
  /** The version a restore brought back. */
  restoredFrom: z
    .object({ id: z.string(), kind: MapVersionKindSchema, name: z.string().nullable(), createdAt: z.string() })
    .nullable(),
});
export type MapVersion = z.infer<typeof MapVersionSchema>;

/** Versions close together in time (one sitting of editing), newest first. */
export const HistorySessionSchema = z.object({
  startedAt: z.string(),
  endedAt: z.string(),
  /** Names of everyone who edited in this session. */
  authors: z.array(z.object({ userId: z.string(), name: z.string() })),
  versions: z.array(MapVersionSchema),
});
export type HistorySession = z.infer<typeof HistorySessionSchema>;

/** GET …/maps/{mapId}/versions: the map's history grouped by editing session, newest first. */
export const MapHistorySchema = z.object({
  sessions: z.array(HistorySessionSchema),
  /** Older versions exist beyond `limit`. */
  hasMore: z.boolean(),
});
export type MapHistory = z.infer<typeof MapHistorySchema>;

/** Query of GET …/versions. */
export const MapHistoryQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** Body of POST …/versions: name the map as it is now. */
export const VersionCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(120) });
export type VersionCreateRequest = z.input<typeof VersionCreateSchema>;

/** GET …/versions/{versionId}: a version with its body, read-only. */
export const MapVersionWithSnapshotSchema = z.object({ version: MapVersionSchema, snapshot: MapSnapshotSchema });
export type MapVersionWithSnapshot = z.infer<typeof MapVersionWithSnapshotSchema>;

/** Query of GET …/versions/{versionId}/diff: the other side, a version id or "current" (the map as it is now). */
export const VersionDiffQuerySchema = z.object({
  with: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a version id or current"),
});

/** One step that differs between two versions and how (core's comparison, steps paired by id). */
export const VersionStepDiffSchema = z.object({
  status: z.enum(["added", "removed", "changed", "unchanged"]),
  stepId: z.string(),
  name: z.string(),
  stageName: z.string(),
  changes: z.array(z.string()),
  cardChanges: z.array(
    z.object({ laneName: z.string(), laneType: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
  ),
});

/** GET …/versions/{versionId}/diff: what changed from the version to the other side. */
export const MapVersionDiffSchema = z.object({
  from: MapVersionSchema,
  /** Null when the other side is the map as it is now. */
  to: MapVersionSchema.nullable(),
  summary: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  }),
  /** Steps that differ (unchanged ones left out), in the newer side's order. */
  steps: z.array(VersionStepDiffSchema),
});
export type MapVersionDiff = z.infer<typeof MapVersionDiffSchema>;

/** POST …/versions/{versionId}/restore: the new version the restore made (null when the map already matched it). */
export const MapRestoredSchema = z.object({ version: MapVersionSchema.nullable(), snapshot: MapSnapshotSchema });
export type MapRestored = z.infer<typeof MapRestoredSchema>;
