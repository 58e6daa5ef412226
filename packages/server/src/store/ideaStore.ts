import type { IceInput, IdeaLinkKind, IdeaStatus, MatrixPosition, RiceInput } from "@opencjm/core";
import type { Kysely, Transaction } from "kysely";
import type { Db } from "../db/createDb.js";
import type { Database, IdeaLinkRow, IdeaRow } from "../db/schema.js";
import { notFound } from "../errors/DomainError.js";

/** A link of an idea to a map as stored: ids, and what the card or step was and said when it was linked. */
export interface StoredIdeaLink {
  mapId: string;
  cardId: string | null;
  stepId: string | null;
  laneId: string | null;
  kind: IdeaLinkKind;
  label: string;
}

/** One stored change of status, oldest first; the first is the idea's creation as "new". */
export interface StoredStatusChange {
  status: IdeaStatus;
  at: string;
  byUserId: string | null;
  byName: string | null;
  reason: string | null;
}

/**
 * An idea as stored, before its links are checked against the maps. `shippedAt` is the date of its latest change to
 * "shipped" (null when it never shipped); the KPI effect reads it with `kpiIds` (getStoredIdea, listStoredIdeas).
 */
export interface StoredIdea {
  id: string;
  workspaceId: string;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  tags: string[];
  status: IdeaStatus;
  touchpointIds: string[];
  kpiIds: string[];
  ice: IceInput | null;
  rice: RiceInput | null;
  matrix: MatrixPosition | null;
  anchors: StoredIdeaLink[];
  steps: StoredIdeaLink[];
  history: StoredStatusChange[];
  shippedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields of an idea a caller sets (everything but its status, matrix place and dates). */
export interface IdeaFields {
  title: string;
  description: string;
  ownerId: string | null;
  tags: string[];
  touchpointIds: string[];
  kpiIds: string[];
  ice: IceInput | null;
  rice: RiceInput | null;
  anchors: StoredIdeaLink[];
  steps: StoredIdeaLink[];
}

type Executor = Kysely<Database> | Transaction<Database>;
const json = (value: unknown): string => JSON.stringify(value);
const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

async function insertLinks(kysely: Executor, ideaId: string, workspaceId: string, fields: IdeaFields): Promise<void> {
  const rows = [
    ...fields.anchors.map((link, position) => ({ link, position, role: "anchor" })),
    ...fields.steps.map((link, position) => ({ link, position, role: "step" })),
  ].map(({ link, position, role }) => ({
    idea_id: ideaId,
    workspace_id: workspaceId,
    role,
    position,
    map_id: link.mapId,
    card_id: link.cardId,
    step_id: link.stepId,
    lane_id: link.laneId,
    kind: link.kind,
    label: link.label,
  }));
  if (rows.length > 0) await kysely.insertInto("idea_links").values(rows).execute();
}

/** Stores a new idea with its links and its history's first entry ("new", by its creator). */
export async function insertIdea(
  db: Db,
  idea: { id: string; workspaceId: string; createdBy: string; at: string },
  fields: IdeaFields,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("ideas")
      .values({
        id: idea.id,
        workspace_id: idea.workspaceId,
        title: fields.title,
        description: fields.description,
        owner_id: fields.ownerId,
        tags: json(fields.tags),
        status: "new",
        touchpoint_ids: json(fields.touchpointIds),
        kpi_ids: json(fields.kpiIds),
        ice: jsonOrNull(fields.ice),
        rice: jsonOrNull(fields.rice),
        matrix: null,
        created_by: idea.createdBy,
        created_at: idea.at,
        updated_at: idea.at,
      })
      .execute();
    await insertLinks(trx, idea.id, idea.workspaceId, fields);
    await trx
      .insertInto("idea_status_changes")
      .values({
        idea_id: idea.id,
        seq: 0,
        status: "new",
        reason: null,
        changed_by: idea.createdBy,
        changed_at: idea.at,
      })
      .execute();
  });
}

/** Replaces an idea's fields and links in one transaction. */
export async function updateIdeaFields(db: Db, idea: StoredIdea, fields: IdeaFields, at: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("ideas")
      .set({
        title: fields.title,
        description: fields.description,
        owner_id: fields.ownerId,
        tags: json(fields.tags),
        touchpoint_ids: json(fields.touchpointIds),
        kpi_ids: json(fields.kpiIds),
        ice: jsonOrNull(fields.ice),
        rice: jsonOrNull(fields.rice),
        updated_at: at,
      })
      .where("id", "=", idea.id)
      .execute();
    await trx.deleteFrom("idea_links").where("idea_id", "=", idea.id).execute();
    await insertLinks(trx, idea.id, idea.workspaceId, fields);
  });
}

/**
 * Moves an idea from `from` to a new status and appends the change to its history; false (nothing written) when
 * someone else changed its status first.
 */
export async function appendIdeaStatusChange(
  db: Db,
  ideaId: string,
  from: IdeaStatus,
  change: { status: IdeaStatus; at: string; byUserId: string; reason: string | null },
): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("ideas")
      .set({ status: change.status, updated_at: new Date().toISOString() })
      .where("id", "=", ideaId)
      .where("status", "=", from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const last = await trx
      .selectFrom("idea_status_changes")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("idea_id", "=", ideaId)
      .executeTakeFirst();
    await trx
      .insertInto("idea_status_changes")
      .values({
        idea_id: ideaId,
        seq: Number(last?.seq ?? 0) + 1,
        status: change.status,
        reason: change.reason,
        changed_by: change.byUserId,
        changed_at: change.at,
      })
      .execute();
    return true;
  });
}

/** Stores an idea's place on the impact/effort matrix. */
export async function saveIdeaMatrix(db: Db, ideaId: string, position: MatrixPosition): Promise<void> {
  await db.kysely
    .updateTable("ideas")
    .set({ matrix: json(position), updated_at: new Date().toISOString() })
    .where("id", "=", ideaId)
    .execute();
}

/** Deletes an idea with its links and history. */
export async function deleteIdea(db: Db, ideaId: string): Promise<void> {
  await db.kysely.deleteFrom("ideas").where("id", "=", ideaId).execute();
}

function linkOf(row: IdeaLinkRow): StoredIdeaLink {
  return {
    mapId: row.map_id,
    cardId: row.card_id,
    stepId: row.step_id,
    laneId: row.lane_id,
    kind: row.kind as IdeaLinkKind,
    label: row.label,
  };
}

async function assemble(db: Db, rows: (IdeaRow & { owner_name: string | null })[]): Promise<StoredIdea[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await db.kysely
    .selectFrom("idea_links")
    .selectAll()
    .where("idea_id", "in", ids)
    .orderBy("idea_id")
    .orderBy("role")
    .orderBy("position")
    .execute();
  const changes = await db.kysely
    .selectFrom("idea_status_changes")
    .leftJoin("users", "users.id", "idea_status_changes.changed_by")
    .select([
      "idea_status_changes.idea_id",
      "idea_status_changes.status",
      "idea_status_changes.reason",
      "idea_status_changes.changed_by",
      "idea_status_changes.changed_at",
      "users.name as by_name",
    ])
    .where("idea_status_changes.idea_id", "in", ids)
    .orderBy("idea_status_changes.idea_id")
    .orderBy("idea_status_changes.seq")
    .execute();
  return rows.map((row): StoredIdea => {
    const own = links.filter((l) => l.idea_id === row.id);
    const history = changes
      .filter((c) => c.idea_id === row.id)
      .map((c): StoredStatusChange => ({
        status: c.status as IdeaStatus,
        at: c.changed_at,
        byUserId: c.changed_by,
        byName: c.by_name,
        reason: c.reason,
      }));
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      title: row.title,
      description: row.description,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      tags: JSON.parse(row.tags) as string[],
      status: row.status as IdeaStatus,
      touchpointIds: JSON.parse(row.touchpoint_ids) as string[],
      kpiIds: JSON.parse(row.kpi_ids) as string[],
      ice: row.ice === null ? null : (JSON.parse(row.ice) as IceInput),
      rice: row.rice === null ? null : (JSON.parse(row.rice) as RiceInput),
      matrix: row.matrix === null ? null : (JSON.parse(row.matrix) as MatrixPosition),
      anchors: own.filter((l) => l.role === "anchor").map(linkOf),
      steps: own.filter((l) => l.role === "step").map(linkOf),
      history,
      shippedAt: history.findLast((c) => c.status === "shipped")?.at ?? null,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

function ideasQuery(db: Db, workspaceId: string) {
  return db.kysely
    .selectFrom("ideas")
    .leftJoin("users", "users.id", "ideas.owner_id")
    .selectAll("ideas")
    .select("users.name as owner_name")
    .where("ideas.workspace_id", "=", workspaceId);
}

/** One idea of a workspace; not found when it is not there (or in another workspace). */
export async function getStoredIdea(db: Db, workspaceId: string, ideaId: string): Promise<StoredIdea> {
  const row = await ideasQuery(db, workspaceId).where("ideas.id", "=", ideaId).executeTakeFirst();
  if (!row) throw notFound("idea");
  const [idea] = await assemble(db, [row]);
  if (!idea) throw notFound("idea");
  return idea;
}

/** A workspace's ideas, newest first, narrowed by status, owner and the map they link to when given. */
export async function listStoredIdeas(
  db: Db,
  workspaceId: string,
  filter: { status?: IdeaStatus; ownerId?: string; mapId?: string } = {},
): Promise<StoredIdea[]> {
  let query = ideasQuery(db, workspaceId);
  if (filter.status) query = query.where("ideas.status", "=", filter.status);
  if (filter.ownerId) query = query.where("ideas.owner_id", "=", filter.ownerId);
  if (filter.mapId) {
    const mapId = filter.mapId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("idea_links")
          .select("idea_links.idea_id")
          .whereRef("idea_links.idea_id", "=", "ideas.id")
          .where("idea_links.map_id", "=", mapId),
      ),
    );
  }
  return assemble(db, await query.orderBy("ideas.created_at", "desc").orderBy("ideas.id").execute());
}
