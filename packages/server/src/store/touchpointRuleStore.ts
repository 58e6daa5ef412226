import { keyForPosition, MapOperationError, newId } from "@opencjm/core";
import {
  sortRules,
  TouchpointRuleFieldsSchema,
  TouchpointRuleSchema,
  type TouchpointRule,
  type TouchpointRuleFields,
} from "@opencjm/analytics";
import type { z } from "zod";
import type { Db } from "../db/createDb.js";
import type { TouchpointRuleRow } from "../db/schema.js";
import { DomainError, fieldError, invalidInput, notFound } from "../errors/DomainError.js";
import type { TouchpointRulePatchSchema } from "@opencjm/analytics";

/** A stored rule row as the API shows it. */
export function touchpointRuleOf(row: TouchpointRuleRow): TouchpointRule {
  return TouchpointRuleSchema.parse({
    id: row.id,
    touchpointId: row.touchpoint_id,
    eventNames: JSON.parse(row.event_names) as unknown,
    ...(row.pattern === null ? {} : { pattern: row.pattern }),
    ...(row.channel === null ? {} : { channel: row.channel }),
    conditions: JSON.parse(row.conditions) as unknown,
    order: row.sort_order,
  });
}

/** The workspace's rules in the order they are tried. */
export async function listTouchpointRules(db: Db, workspaceId: string): Promise<TouchpointRule[]> {
  const rows = await db.kysely
    .selectFrom("touchpoint_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .execute();
  return sortRules(rows.map(touchpointRuleOf));
}

/** One rule of the workspace, or 404. */
export async function findTouchpointRule(db: Db, workspaceId: string, ruleId: string): Promise<TouchpointRule> {
  const row = await db.kysely
    .selectFrom("touchpoint_rules")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", ruleId)
    .executeTakeFirst();
  if (!row) throw notFound("touchpoint rule");
  return touchpointRuleOf(row);
}

async function requireTouchpoint(db: Db, workspaceId: string, touchpointId: string): Promise<void> {
  const row = await db.kysely
    .selectFrom("touchpoints")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", touchpointId)
    .executeTakeFirst();
  if (!row)
    throw fieldError("touchpointId", `no touchpoint "${touchpointId}" in this workspace`, {
      detail: "unknown touchpoint",
    });
}

function orderFor(
  rules: TouchpointRule[],
  position: { before?: string; after?: string } | undefined,
  exclude?: string,
): string {
  try {
    return keyForPosition(
      rules.filter((r) => r.id !== exclude).map((r) => ({ id: r.id, order: r.order })),
      position,
    );
  } catch (err) {
    if (err instanceof MapOperationError)
      throw new DomainError({
        kind: "invalid",
        code: "invalid_request",
        message: err.message,
        field: "position",
        details: [{ path: "position", message: "is not a rule of this workspace" }],
      });
    throw err;
  }
}

/** Adds a rule after the workspace's last one. */
export async function createTouchpointRule(
  db: Db,
  workspaceId: string,
  fields: TouchpointRuleFields,
): Promise<TouchpointRule> {
  await requireTouchpoint(db, workspaceId, fields.touchpointId);
  const now = new Date().toISOString();
  const id = newId("tr_");
  const order = orderFor(await listTouchpointRules(db, workspaceId), undefined);
  await db.kysely
    .insertInto("touchpoint_rules")
    .values({
      id,
      workspace_id: workspaceId,
      touchpoint_id: fields.touchpointId,
      event_names: JSON.stringify(fields.eventNames),
      pattern: fields.pattern ?? null,
      channel: fields.channel ?? null,
      conditions: JSON.stringify(fields.conditions),
      sort_order: order,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return findTouchpointRule(db, workspaceId, id);
}

/** Changes a rule; fields left out stay, `null` removes the pattern or channel, `position` moves it. */
export async function updateTouchpointRule(
  db: Db,
  workspaceId: string,
  ruleId: string,
  patch: z.infer<typeof TouchpointRulePatchSchema>,
): Promise<TouchpointRule> {
  const current = await findTouchpointRule(db, workspaceId, ruleId);
  const merged = TouchpointRuleFieldsSchema.safeParse({
    touchpointId: patch.touchpointId ?? current.touchpointId,
    eventNames: patch.eventNames ?? current.eventNames,
    ...(patch.pattern === null ? {} : { pattern: patch.pattern ?? current.pattern }),
    ...(patch.channel === null ? {} : { channel: patch.channel ?? current.channel }),
    conditions: patch.conditions ?? current.conditions,
  });
  if (!merged.success) throw invalidInput(merged.error);
  if (patch.touchpointId) await requireTouchpoint(db, workspaceId, patch.touchpointId);
  const order = patch.position
    ? orderFor(await listTouchpointRules(db, workspaceId), patch.position, ruleId)
    : current.order;
  const r = merged.data;
  await db.kysely
    .updateTable("touchpoint_rules")
    .set({
      touchpoint_id: r.touchpointId,
      event_names: JSON.stringify(r.eventNames),
      pattern: r.pattern ?? null,
      channel: r.channel ?? null,
      conditions: JSON.stringify(r.conditions),
      sort_order: order,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", ruleId)
    .execute();
  return findTouchpointRule(db, workspaceId, ruleId);
}

/** Deletes a rule. */
export async function deleteTouchpointRule(db: Db, workspaceId: string, ruleId: string): Promise<void> {
  await findTouchpointRule(db, workspaceId, ruleId);
  await db.kysely.deleteFrom("touchpoint_rules").where("id", "=", ruleId).execute();
}
