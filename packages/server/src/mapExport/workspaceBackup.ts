import {
  ChannelSchema,
  docToSnapshot,
  IdSchema,
  LocaleSchema,
  PersonaSchema,
  RoleSchema,
  TouchpointSchema,
} from "@opencjm/core";
import * as Y from "yjs";
import { z } from "zod";
import { personaOf } from "../commands/personaCreator.js";
import { touchpointOf } from "../commands/touchpointCreator.js";
import type { Db } from "../db/createDb.js";
import { readIdeaKpiRecords } from "../store/ideaKpiTransferStore.js";
import { loadMapDoc } from "../store/mapUpdateLog.js";
import { IdeaRecordSchema, KpiRecordSchema } from "./ideaKpiRecords.js";
import { ResearchRecordsSchema } from "./researchRecords.js";
import { readResearchRecords } from "../store/researchTransferStore.js";

/** Version of the workspace backup file; restore reads this and every earlier one. */
export const WORKSPACE_BACKUP_VERSION = 3;

const timestamp = z.string().max(40);

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

/** A persona's uploaded photo (version 2 on; earlier files have none). */
const PersonaPhotoSchema = z.object({
  personaId: IdSchema,
  contentType: z.enum(["image/jpeg", "image/png", "image/webp"]),
  data: base64.max(3_000_000),
});

/** A touchpoint mapping rule as stored (version 2 on): which events count as which touchpoint. */
const TouchpointRuleBackupSchema = z.object({
  id: IdSchema,
  touchpointId: IdSchema,
  eventNames: z.array(z.string().max(500)).max(1000),
  pattern: z.string().max(500).nullable(),
  channel: z.string().max(200).nullable(),
  conditions: z.array(z.unknown()).max(100),
  sortOrder: z.string().max(64),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/**
 * A whole workspace: settings, members (by e-mail), channel and touchpoint catalogue with its mapping rules, personas
 * with their photos, maps with their documents, ideas (with their status history and measured effect) and KPIs (with
 * the values entered by hand). Customer event data lives in the workspace's DuckDB file and is not
 * part of it (re-import the source files, or copy `DATA_DIR/analytics/<workspaceId>/`).
 */
export const WorkspaceBackupSchema = z.object({
  format: z.literal("opencjm.workspace-backup"),
  formatVersion: z.number().int().min(1).max(WORKSPACE_BACKUP_VERSION),
  createdAt: timestamp,
  workspace: z.object({
    id: IdSchema,
    name: z.string().trim().min(1).max(200),
    locale: LocaleSchema,
    createdAt: timestamp,
  }),
  /** Accounts are not backed up (no password hashes leave the server); members are matched by e-mail on restore. */
  members: z.array(z.object({ email: z.string().max(320), name: z.string().max(200), role: RoleSchema })).max(10_000),
  channels: z.array(ChannelSchema).max(10_000),
  touchpoints: z.array(TouchpointSchema.extend({ createdAt: timestamp, updatedAt: timestamp })).max(100_000),
  personas: z.array(PersonaSchema).max(100_000),
  maps: z
    .array(
      z.object({
        id: IdSchema,
        createdBy: z.string().max(64),
        createdAt: timestamp,
        updatedAt: timestamp,
        /** The map body as JSON, for people and tools reading the file. */
        snapshot: z.unknown(),
        /** The whole Yjs document (Y.encodeStateAsUpdate), base64: what restore brings back. */
        state: base64,
      }),
    )
    .max(100_000),
  personaPhotos: z.array(PersonaPhotoSchema).max(100_000).default([]),
  touchpointRules: z.array(TouchpointRuleBackupSchema).max(100_000).default([]),
  /** Version 3 on; earlier files have none. */
  ideas: z.array(IdeaRecordSchema).max(100_000).default([]),
  kpis: z.array(KpiRecordSchema).max(100_000).default([]),
  /** The research repository (studies, participants, notes, highlights); files from before it have none. */
  research: ResearchRecordsSchema.default({
    studies: [],
    participants: [],
    notes: [],
    highlights: [],
    highlightTags: [],
    highlightAnchors: [],
    journeySteps: [],
    surveys: [],
    surveyAnswers: [],
  }),
});
export type WorkspaceBackup = z.infer<typeof WorkspaceBackupSchema>;

/** Reads a whole workspace into a backup document; every durable edit of every map is included. */
export async function backupWorkspace(db: Db, workspaceId: string): Promise<WorkspaceBackup> {
  const k = db.kysely;
  const ws = await k.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirstOrThrow();
  const members = await k
    .selectFrom("members")
    .innerJoin("users", "users.id", "members.user_id")
    .select(["users.email", "users.name", "members.role"])
    .where("members.workspace_id", "=", workspaceId)
    .orderBy("members.created_at")
    .execute();
  const channels = await k
    .selectFrom("channels")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .execute();
  const touchpoints = await k
    .selectFrom("touchpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const personas = await k
    .selectFrom("personas")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const maps = await k
    .selectFrom("maps")
    .select(["id", "created_by", "created_at", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const photos = await k
    .selectFrom("persona_photos")
    .select(["persona_id", "content_type", "data"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("persona_id")
    .execute();
  const rules = await k
    .selectFrom("touchpoint_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const mapEntries: WorkspaceBackup["maps"] = [];
  for (const m of maps) {
    const { doc } = await loadMapDoc(db, m.id);
    try {
      mapEntries.push({
        id: m.id,
        createdBy: m.created_by,
        createdAt: m.created_at,
        updatedAt: m.updated_at,
        snapshot: docToSnapshot(doc),
        state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64"),
      });
    } finally {
      doc.destroy();
    }
  }
  const { ideas, kpis } = await readIdeaKpiRecords(db, workspaceId);
  const research = await readResearchRecords(db, workspaceId);
  return {
    format: "opencjm.workspace-backup",
    formatVersion: WORKSPACE_BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    workspace: {
      id: ws.id as WorkspaceBackup["workspace"]["id"],
      name: ws.name,
      locale: LocaleSchema.parse(ws.locale),
      createdAt: ws.created_at,
    },
    members: members.map((m) => ({ email: m.email, name: m.name, role: RoleSchema.parse(m.role) })),
    channels: channels.map((c) =>
      ChannelSchema.parse({
        id: c.id,
        key: c.key,
        name: c.name,
        online: c.online === 1,
        icon: c.icon,
        builtIn: c.built_in === 1,
      }),
    ),
    touchpoints: touchpoints.map((t) => ({ ...touchpointOf(t), createdAt: t.created_at, updatedAt: t.updated_at })),
    personas: personas.map(personaOf),
    maps: mapEntries,
    personaPhotos: photos.map((p) => ({
      personaId: p.persona_id as WorkspaceBackup["personaPhotos"][number]["personaId"],
      contentType: p.content_type as WorkspaceBackup["personaPhotos"][number]["contentType"],
      data: Buffer.from(p.data).toString("base64"),
    })),
    touchpointRules: rules.map((r) => ({
      id: r.id as WorkspaceBackup["touchpointRules"][number]["id"],
      touchpointId: r.touchpoint_id as WorkspaceBackup["touchpointRules"][number]["touchpointId"],
      eventNames: JSON.parse(r.event_names) as string[],
      pattern: r.pattern,
      channel: r.channel,
      conditions: JSON.parse(r.conditions) as unknown[],
      sortOrder: r.sort_order,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    ideas,
    kpis,
    research,
  };
}
