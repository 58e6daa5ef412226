import { requireStrongPassword } from "../auth/passwordPolicy.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { Db } from "../db/createDb.js";
import { fieldError } from "../errors/DomainError.js";
import { getPasswordHolder, replacePassword } from "../store/userStore.js";

/**
 * Changes a signed-in person's password after checking the current one and the new one's strength; every other
 * session ends, and with `revokeTokens` the account's API tokens stop working. Returns how many of each ended.
 */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; revokeTokens: boolean },
): Promise<{ endedSessions: number; revokedTokens: number }> {
  const user = await getPasswordHolder(db, input.userId);
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw fieldError("currentPassword", "is wrong");
  requireStrongPassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return replacePassword(db, {
    userId: input.userId,
    keepSessionId: input.sessionId,
    passwordHash,
    revokeTokens: input.revokeTokens,
  });
}
