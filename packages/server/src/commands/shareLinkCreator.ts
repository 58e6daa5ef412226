import { randomBytes } from "node:crypto";
import { newId } from "@opencjm/core";
import { hashSecret } from "../auth/resolveCaller.js";
import type { Db } from "../db/createDb.js";
import type { ShareLinkRow } from "../db/schema.js";

/** How long the internal link a PDF/PNG export prints through stays valid. */
export const EXPORT_LINK_TTL_MS = 2 * 60_000;

/** A share link as its owners see it (the token itself is shown only once, at creation). */
export interface ShareLinkSummary {
  id: string;
  mapId: string;
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  expired: boolean;
  /** Whether the link shows the map's research appendix. */
  includeResearch: boolean;
}

/** A share link row as its summary. */
export function shareLinkOf(row: ShareLinkRow, now = new Date()): ShareLinkSummary {
  return {
    id: row.id,
    mapId: row.map_id,
    label: row.label,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    expired: row.expires_at !== null && row.expires_at <= now.toISOString(),
    includeResearch: row.include_research === 1,
  };
}

/**
 * Creates a read-only link to one map (purpose "share"), or the short-lived internal one an export prints through
 * (purpose "export"). The raw token (prefixed `cjs_`) is returned once and stored only hashed.
 */
export async function createShareLink(
  db: Db,
  input: {
    workspaceId: string;
    mapId: string;
    userId: string;
    label?: string;
    expiresAt?: string | null;
    purpose?: "share" | "export";
    /** An export of one version of the map prints through a link bound to it. */
    versionId?: string;
    /** The link shows the map's research appendix (the sharer ticked it; an export asked for it). */
    includeResearch?: boolean;
  },
): Promise<{ link: ShareLinkSummary; token: string }> {
  const token = `cjs_${randomBytes(32).toString("base64url")}`;
  const row: ShareLinkRow = {
    id: newId("shl_"),
    workspace_id: input.workspaceId,
    map_id: input.mapId,
    token_hash: hashSecret(token),
    purpose: input.purpose ?? "share",
    label: input.label ?? "",
    created_by: input.userId,
    created_at: new Date().toISOString(),
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
    last_used_at: null,
    version_id: input.versionId ?? null,
    include_research: input.includeResearch ? 1 : 0,
  };
  await db.kysely.insertInto("share_links").values(row).execute();
  return { link: shareLinkOf(row), token };
}

/** The live share link behind a token, or undefined when it is unknown, revoked or expired (all look the same). */
export async function resolveShareToken(db: Db, token: string, now = new Date()): Promise<ShareLinkRow | undefined> {
  if (!/^cjs_[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db.kysely
    .selectFrom("share_links")
    .selectAll()
    .where("token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return undefined;
  // Recorded at most once a minute, so a polling viewer does not write on every request.
  if (!row.last_used_at || Date.parse(row.last_used_at) < now.getTime() - 60_000) {
    await db.kysely
      .updateTable("share_links")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", row.id)
      .execute();
  }
  return row;
}

/** Removes export links that have expired; they are never listed, so nothing else would clear them. */
export async function pruneExportLinks(db: Db, now = new Date()): Promise<void> {
  await db.kysely
    .deleteFrom("share_links")
    .where("purpose", "=", "export")
    .where("expires_at", "<=", now.toISOString())
    .execute();
}
