import { IdeaEffectSchema } from "@opencjm/core";
import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database } from "../db/schema.js";
import type { IdeaKpiRecords, IdeaRecord, KpiRecord } from "../mapExport/ideaKpiRecords.js";
import { listStoredIdeas } from "./ideaStore.js";
import { listKpis, listKpiValues } from "./kpiStore.js";

type Executor = Kysely<Database> | Transaction<Database>;

async function emailsOf(db: Db, userIds: Array<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((u): u is string => u !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.kysely.selectFrom("users").select(["id", "email"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}

/**
 * Reads the ideas and KPIs a file carries: of the whole workspace, or with `mapId` the KPIs on that map and the ideas
 * linked to it. People are named by e-mail; each idea comes with its status history and recorded effect, each KPI
 * with its values entered by hand.
 */
export async function readIdeaKpiRecords(db: Db, workspaceId: string, mapId?: string): Promise<IdeaKpiRecords> {
  const ideas = await listStoredIdeas(db, workspaceId, mapId ? { mapId } : {});
  const kpis = mapId ? await listKpis(db, workspaceId, mapId) : await listKpis(db, workspaceId);
  const kpiCreators = kpis.length
    ? await db.kysely
        .selectFrom("kpis")
        .select(["id", "created_by"])
        .where(
          "id",
          "in",
          kpis.map((k) => k.id),
        )
        .execute()
    : [];
  const valueRows = kpis.length
    ? await db.kysely
        .selectFrom("kpi_values")
        .select(["id", "created_at"])
        .where(
          "kpi_id",
          "in",
          kpis.map((k) => k.id),
        )
        .execute()
    : [];
  const valueCreatedAt = new Map(valueRows.map((r) => [r.id, r.created_at]));
  const createdBy = new Map(kpiCreators.map((r) => [r.id, r.created_by]));
  const effects = ideas.length
    ? await db.kysely
        .selectFrom("kpi_effects")
        .select(["idea_id", "result"])
        .where(
          "idea_id",
          "in",
          ideas.map((i) => i.id),
        )
        .execute()
    : [];
  const effectOf = new Map(effects.map((e) => [e.idea_id, IdeaEffectSchema.parse(JSON.parse(e.result))]));
  const emails = await emailsOf(db, [
    ...ideas.flatMap((i) => [i.ownerId, i.createdBy, ...i.history.map((h) => h.byUserId)]),
    ...kpis.flatMap((k) => [k.ownerId, createdBy.get(k.id) ?? null]),
  ]);
  const emailOf = (userId: string | null) => (userId === null ? null : (emails.get(userId) ?? null));
  const kpiRecords: KpiRecord[] = [];
  for (const kpi of kpis) {
    const values = await listKpiValues(db, kpi.id);
    kpiRecords.push({
      id: kpi.id,
      anchor: kpi.anchor,
      source: kpi.source,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      target: kpi.target,
      ownerEmail: emailOf(kpi.ownerId),
      createdByEmail: emailOf(createdBy.get(kpi.id) ?? null),
      createdAt: kpi.createdAt,
      updatedAt: kpi.updatedAt,
      values: values.map((v) => ({ ...v, createdAt: valueCreatedAt.get(v.id) ?? kpi.createdAt })),
    });
  }
  const ideaRecords = ideas.map((idea): IdeaRecord => ({
    id: idea.id,
    title: idea.title,
    description: idea.description,
    ownerEmail: emailOf(idea.ownerId),
    tags: idea.tags,
    status: idea.status,
    touchpointIds: idea.touchpointIds,
    kpiIds: idea.kpiIds,
    ice: idea.ice,
    rice: idea.rice,
    matrix: idea.matrix,
    anchors: idea.anchors,
    steps: idea.steps,
    history: idea.history.map((h) => ({ status: h.status, at: h.at, byEmail: emailOf(h.byUserId), reason: h.reason })),
    createdByEmail: emailOf(idea.createdBy),
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt,
    effect: effectOf.get(idea.id) ?? null,
  }));
  return { ideas: ideaRecords, kpis: kpiRecords };
}

/**
 * Writes ideas and KPIs (already remapped for this workspace) with their links, histories, values and effects.
 * A person is found by e-mail among `members`; one who is not there leaves the owner or author empty, and `userId`
 * (the one importing) stands for a missing creator.
 */
export async function writeIdeaKpiRecords(
  kysely: Executor,
  target: { workspaceId: string; userId: string; members: Map<string, string> },
  records: IdeaKpiRecords,
): Promise<void> {
  const { workspaceId, userId } = target;
  const member = (email: string | null) => (email === null ? null : (target.members.get(email.toLowerCase()) ?? null));
  for (const kpi of records.kpis) {
    await kysely
      .insertInto("kpis")
      .values({
        id: kpi.id,
        workspace_id: workspaceId,
        map_id: kpi.anchor.kind === "workspace" ? null : kpi.anchor.mapId,
        anchor: JSON.stringify(kpi.anchor),
        source: JSON.stringify(kpi.source),
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction,
        target: kpi.target,
        owner_id: member(kpi.ownerEmail),
        created_by: member(kpi.createdByEmail) ?? userId,
        created_at: kpi.createdAt,
        updated_at: kpi.updatedAt,
      })
      .execute();
    if (kpi.values.length)
      await kysely
        .insertInto("kpi_values")
        .values(
          kpi.values.map((v) => ({
            id: v.id,
            kpi_id: kpi.id,
            date: v.date,
            value: v.value,
            note: v.note,
            created_by: member(kpi.createdByEmail) ?? userId,
            created_at: v.createdAt,
          })),
        )
        .execute();
  }
  for (const idea of records.ideas) {
    await kysely
      .insertInto("ideas")
      .values({
        id: idea.id,
        workspace_id: workspaceId,
        title: idea.title,
        description: idea.description,
        owner_id: member(idea.ownerEmail),
        tags: JSON.stringify(idea.tags),
        status: idea.status,
        touchpoint_ids: JSON.stringify(idea.touchpointIds),
        kpi_ids: JSON.stringify(idea.kpiIds),
        ice: idea.ice && JSON.stringify(idea.ice),
        rice: idea.rice && JSON.stringify(idea.rice),
        matrix: idea.matrix && JSON.stringify(idea.matrix),
        created_by: member(idea.createdByEmail) ?? userId,
        created_at: idea.createdAt,
        updated_at: idea.updatedAt,
      })
      .execute();
    const links = [
      ...idea.anchors.map((link, position) => ({ link, position, role: "anchor" })),
      ...idea.steps.map((link, position) => ({ link, position, role: "step" })),
    ];
    if (links.length)
      await kysely
        .insertInto("idea_links")
        .values(
          links.map(({ link, position, role }) => ({
            idea_id: idea.id,
            workspace_id: workspaceId,
            role,
            position,
            map_id: link.mapId,
            card_id: link.cardId,
            step_id: link.stepId,
            lane_id: link.laneId,
            kind: link.kind,
            label: link.label,
          })),
        )
        .execute();
    await kysely
      .insertInto("idea_status_changes")
      .values(
        idea.history.map((h, seq) => ({
          idea_id: idea.id,
          seq,
          status: h.status,
          reason: h.reason,
          changed_by: member(h.byEmail),
          changed_at: h.at,
        })),
      )
      .execute();
    if (idea.effect)
      await kysely
        .insertInto("kpi_effects")
        .values({
          idea_id: idea.id,
          workspace_id: workspaceId,
          result: JSON.stringify(idea.effect),
          recorded_at: idea.effect.recordedAt ?? idea.updatedAt,
        })
        .execute();
  }
}
