import { docToSnapshot, newId, snapshotToDoc, type MapSnapshot, type Persona } from "@opencjm/core";
import * as Y from "yjs";
import type { Db } from "../db/createDb.js";
import { remapIdeaKpiRecords } from "../mapExport/ideaKpiRecords.js";
import { WorkspaceBackupSchema, type WorkspaceBackup } from "../mapExport/workspaceBackup.js";
import { writeIdeaKpiRecords } from "../store/ideaKpiTransferStore.js";
import { writeResearchRecords } from "../store/researchTransferStore.js";
import { importFileError, pathOf } from "./importFileError.js";

/** What a restore brought back, and the members it could not (their accounts do not exist here). */
export interface RestoreResult {
  workspaceId: string;
  counts: {
    maps: number;
    personas: number;
    touchpoints: number;
    channels: number;
    personaPhotos: number;
    touchpointRules: number;
    ideas: number;
    kpis: number;
    studies: number;
  };
  members: string[];
  skippedMembers: string[];
}

type Ids = (id: string) => string;

/** The same answer for the same id each time it is asked (an idea's new id, wherever it is named). */
function memo(fresh: Ids): Ids {
  const seen = new Map<string, string>();
  return (id) => seen.get(id) ?? (seen.set(id, fresh(id)), seen.get(id)!);
}

/** The map body with every reference rewritten through the id maps (for a restore under new ids). */
function rewriteSnapshot(s: MapSnapshot, persona: Ids, touchpoint: Ids, channel: Ids, map: Ids): MapSnapshot {
  return {
    ...s,
    settings: {
      ...s.settings,
      personaIds: s.settings.personaIds.map((id) => persona(id) as typeof id),
      basedOnMapId: s.settings.basedOnMapId && (map(s.settings.basedOnMapId) as typeof s.settings.basedOnMapId),
    },
    emotions: s.emotions.map((e) => ({ ...e, personaId: persona(e.personaId) as typeof e.personaId })),
    cells: s.cells.map((c) => ({
      ...c,
      cards: c.cards.map((k) =>
        k.kind === "touchpoint"
          ? { ...k, touchpointId: touchpoint(k.touchpointId) as typeof k.touchpointId }
          : k.kind === "channel"
            ? { ...k, channelId: channel(k.channelId) as typeof k.channelId }
            : k,
      ),
    })),
  };
}

/**
 * Restores a workspace backup into this database (SQLite or PostgreSQL) in one transaction: all of it or nothing.
 * Ids are kept, so links and API scripts keep working on the new server; `newIds` restores a copy beside the
 * original instead. `ownerId` becomes the owner; other members come back when an account with their e-mail exists.
 */
export async function restoreWorkspace(
  db: Db,
  json: unknown,
  options: { ownerId: string; newIds?: boolean },
): Promise<RestoreResult> {
  const parsed = WorkspaceBackupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw importFileError(pathOf(issue?.path ?? []) || "file", issue?.message ?? "not a workspace backup");
  }
  const backup: WorkspaceBackup = parsed.data;
  const fresh = <T extends string>(prefix: string, ids: readonly T[]) =>
    new Map<string, string>(ids.map((id) => [id, options.newIds ? newId(prefix) : id]));
  const workspaceId = options.newIds ? newId("ws_") : backup.workspace.id;
  const personaIds = fresh(
    "per_",
    backup.personas.map((p) => p.id),
  );
  const touchpointIds = fresh(
    "tp_",
    backup.touchpoints.map((t) => t.id),
  );
  const channelIds = fresh(
    "ch_",
    backup.channels.filter((c) => !c.builtIn).map((c) => c.id),
  );
  const mapIds = fresh(
    "map_",
    backup.maps.map((m) => m.id),
  );
  const via = (ids: Map<string, string>) => (id: string) => ids.get(id) ?? id;
  const same = (prefix: string) => (id: string) => (options.newIds ? newId(prefix) : id);
  // A backup holds every map and touchpoint its ideas and KPIs name, so nothing is left out here but links that were
  // already dangling in the workspace (to a map deleted before the backup), which stay as they were.
  const ideaIds = memo(same("idea_"));
  const { records } = remapIdeaKpiRecords(
    { ideas: backup.ideas, kpis: backup.kpis },
    {
      map: (id) => mapIds.get(id) ?? id,
      touchpoint: (id) => touchpointIds.get(id) ?? id,
      idea: ideaIds,
      kpi: memo(same("kpi_")),
      kpiValue: same("kv_"),
    },
  );

  const maps = backup.maps.map((m, i) => {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, Buffer.from(m.state, "base64"));
      const stored = docToSnapshot(doc);
      if (!options.newIds) return { ...m, snapshot: stored, state: Buffer.from(m.state, "base64") };
      // Under new ids every reference inside the body changes, so the document is rebuilt from the rewritten body.
      const rewritten = rewriteSnapshot(stored, via(personaIds), via(touchpointIds), via(channelIds), via(mapIds));
      const rebuilt = snapshotToDoc(rewritten);
      const state = Buffer.from(Y.encodeStateAsUpdate(rebuilt));
      rebuilt.destroy();
      return { ...m, id: via(mapIds)(m.id), snapshot: rewritten, state };
    } catch (err) {
      throw importFileError(
        `maps[${i}].state`,
        `not a readable map document (${err instanceof Error ? err.message : String(err)})`,
      );
    } finally {
      doc.destroy();
    }
  });

  if (!options.newIds) {
    const clash = async (table: "workspaces" | "maps" | "personas" | "touchpoints", ids: string[]) =>
      ids.length
        ? (await db.kysely.selectFrom(table).select("id").where("id", "in", ids.slice(0, 1000)).executeTakeFirst())?.id
        : undefined;
    for (const [table, ids] of [
      ["workspaces", [workspaceId]],
      ["maps", [...mapIds.keys()]],
      ["personas", [...personaIds.keys()]],
      ["touchpoints", [...touchpointIds.keys()]],
    ] as const) {
      const id = await clash(table, [...ids]);
      if (id)
        throw importFileError(table, `"${id}" already exists in this database; restore a copy with new ids instead`);
    }
  }

  const emails = backup.members.map((m) => m.email.toLowerCase());
  const users = emails.length
    ? await db.kysely.selectFrom("users").select(["id", "email"]).where("email", "in", emails).execute()
    : [];
  const userByEmail = new Map(users.map((u) => [u.email, u.id]));
  const now = new Date().toISOString();
  const persona = (p: Persona) => {
    const { id, createdAt, updatedAt, ...fields } = p;
    const data = {
      ...fields,
      preferredChannels: fields.preferredChannels.map(via(channelIds)),
      buyingCommittee: fields.buyingCommittee.map((m) => ({
        ...m,
        personaId: m.personaId && via(personaIds)(m.personaId),
      })),
    };
    return {
      id: via(personaIds)(id),
      workspace_id: workspaceId,
      name: p.name,
      data: JSON.stringify(data),
      created_at: createdAt,
      updated_at: updatedAt,
    };
  };
  const restoredMembers: string[] = [];
  const skippedMembers: string[] = [];
  const restoredIds = new Set<string>();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("workspaces")
      .values({
        id: workspaceId,
        name: backup.workspace.name,
        locale: backup.workspace.locale,
        created_at: backup.workspace.createdAt,
      })
      .execute();
    await trx
      .insertInto("members")
      .values({ workspace_id: workspaceId, user_id: options.ownerId, role: "owner", created_at: now })
      .execute();
    for (const m of backup.members) {
      const userId = userByEmail.get(m.email.toLowerCase());
      if (!userId) skippedMembers.push(m.email);
      else if (userId !== options.ownerId) {
        await trx
          .insertInto("members")
          .values({ workspace_id: workspaceId, user_id: userId, role: m.role, created_at: now })
          .execute();
        restoredMembers.push(m.email);
        restoredIds.add(userId);
      }
    }
    if (backup.channels.length) {
      await trx
        .insertInto("channels")
        .values(
          backup.channels.map((c) => ({
            id: via(channelIds)(c.id),
            workspace_id: workspaceId,
            key: c.builtIn ? c.key : via(channelIds)(c.id),
            name: c.name,
            online: c.online ? 1 : 0,
            icon: c.icon,
            built_in: c.builtIn ? 1 : 0,
          })),
        )
        .execute();
    }
    for (const t of backup.touchpoints) {
      await trx
        .insertInto("touchpoints")
        .values({
          id: via(touchpointIds)(t.id),
          workspace_id: workspaceId,
          channel_id: via(channelIds)(t.channelId),
          name: t.name,
          description: t.description,
          medium: t.medium,
          owner_team: t.ownerTeam,
          created_at: t.createdAt,
          updated_at: t.updatedAt,
        })
        .execute();
    }
    for (const p of backup.personas) await trx.insertInto("personas").values(persona(p)).execute();
    for (const photo of backup.personaPhotos) {
      if (!personaIds.has(photo.personaId))
        throw importFileError("personaPhotos", `photo of unknown persona "${photo.personaId}"`);
      await trx
        .insertInto("persona_photos")
        .values({
          persona_id: via(personaIds)(photo.personaId),
          workspace_id: workspaceId,
          content_type: photo.contentType,
          data: Buffer.from(photo.data, "base64"),
          updated_at: now,
        })
        .execute();
    }
    for (const r of backup.touchpointRules) {
      if (!touchpointIds.has(r.touchpointId))
        throw importFileError("touchpointRules", `rule "${r.id}" of unknown touchpoint "${r.touchpointId}"`);
      await trx
        .insertInto("touchpoint_rules")
        .values({
          id: options.newIds ? newId("tr_") : r.id,
          workspace_id: workspaceId,
          touchpoint_id: via(touchpointIds)(r.touchpointId),
          event_names: JSON.stringify(r.eventNames),
          pattern: r.pattern,
          channel: r.channel,
          conditions: JSON.stringify(r.conditions),
          sort_order: r.sortOrder,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
    }
    for (const m of maps) {
      const s = m.snapshot;
      await trx
        .insertInto("maps")
        .values({
          id: m.id,
          workspace_id: workspaceId,
          title: s.settings.title,
          type: s.settings.type,
          status: s.settings.status,
          snapshot: JSON.stringify(s),
          created_by: m.createdBy,
          created_at: m.createdAt,
          updated_at: m.updatedAt,
        })
        .execute();
      await trx
        .insertInto("map_states")
        .values({ map_id: m.id, state: m.state, last_update_id: 0, updated_at: now })
        .execute();
    }
    const owner = await trx.selectFrom("users").select("email").where("id", "=", options.ownerId).executeTakeFirst();
    const members = new Map([...userByEmail].filter(([, id]) => restoredIds.has(id)));
    if (owner) members.set(owner.email.toLowerCase(), options.ownerId);
    await writeIdeaKpiRecords(trx, { workspaceId, userId: options.ownerId, members }, records);
    await writeResearchRecords(trx, workspaceId, backup.research, {
      newIds: options.newIds === true,
      persona: via(personaIds),
      map: via(mapIds),
      idea: ideaIds,
    });
  });
  return {
    workspaceId,
    counts: {
      maps: maps.length,
      personas: backup.personas.length,
      touchpoints: backup.touchpoints.length,
      channels: backup.channels.filter((c) => !c.builtIn).length,
      personaPhotos: backup.personaPhotos.length,
      touchpointRules: backup.touchpointRules.length,
      ideas: records.ideas.length,
      kpis: records.kpis.length,
      studies: backup.research.studies.length,
    },
    members: restoredMembers,
    skippedMembers,
  };
}
