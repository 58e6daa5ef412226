import { randomBytes } from "node:crypto";
import { newId } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { hashSecret } from "../auth/resolveCaller.js";

/** Creates an API token for scripts; the raw token (prefixed `cjm_`) is returned once and stored only hashed. */
export async function createApiToken(
  db: Db,
  input: {
    userId: string;
    name: string;
    scope: "read" | "write";
    workspaceId?: string | null;
    expiresAt?: string | null;
  },
): Promise<{ id: string; token: string }> {
  const token = `cjm_${randomBytes(32).toString("base64url")}`;
  const id = newId("tok_");
  await db.kysely
    .insertInto("api_tokens")
    .values({
      id,
      user_id: input.userId,
      name: input.name,
      token_hash: hashSecret(token),
      workspace_id: input.workspaceId ?? null,
      scope: input.scope,
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { id, token };
}
