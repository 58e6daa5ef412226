import { newId, ROLES, type Role } from "@opencjm/core";
import type { Db } from "../db/createDb.js";
import { createApiToken } from "../commands/apiTokenCreator.js";
import { createSession } from "../commands/sessionCreator.js";
import { createUser } from "../commands/userCreator.js";
import { createWorkspace, setMemberRole } from "../commands/workspaceCreator.js";

/** A user with a live session, ready to call the API as a browser would. */
export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-session request, CSRF header included. */
  headers: Record<string, string>;
}

/** Creates a user with a unique e-mail and a session. */
export async function buildUser(
  db: Db,
  overrides: { email?: string; password?: string; name?: string } = {},
): Promise<TestUser> {
  const password = overrides.password ?? "correct horse battery staple";
  const email = overrides.email ?? `${newId()}@example.test`.toLowerCase();
  const user = await createUser(db, { email, name: overrides.name ?? "Test User", password });
  const session = await createSession(db, user.id, 3600_000);
  return {
    id: user.id,
    email,
    password,
    cookie: session.cookie,
    csrfToken: session.csrfToken,
    headers: {
      cookie: `cjm_session=${session.cookie}`,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/json",
    },
  };
}

/** A workspace with one member per role (owner, editor, commenter, viewer) and an outsider who belongs elsewhere. */
export interface TestWorkspace {
  id: string;
  users: Record<Role, TestUser>;
  outsider: TestUser;
}

/** Builds a workspace with a member of every role plus an outsider in their own workspace. */
export async function buildWorkspace(db: Db): Promise<TestWorkspace> {
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) users[role] = await buildUser(db, { name: `${role} user` });
  const ws = await createWorkspace(db, { name: "Test workspace", locale: "en", ownerId: users.owner.id });
  for (const role of ROLES) if (role !== "owner") await setMemberRole(db, ws.id, users[role].id, role);
  const outsider = await buildUser(db, { name: "Outsider" });
  await createWorkspace(db, { name: "Other workspace", locale: "en", ownerId: outsider.id });
  return { id: ws.id, users, outsider };
}

/** Headers for an API-token request. */
export async function buildTokenHeaders(
  db: Db,
  userId: string,
  scope: "read" | "write",
  workspaceId?: string,
): Promise<Record<string, string>> {
  const { token } = await createApiToken(db, { userId, name: "test", scope, workspaceId });
  return { authorization: `Bearer ${token}`, "content-type": "application/json" };
}
