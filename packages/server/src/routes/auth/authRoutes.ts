import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import {
  LoginSchema,
  MeSchema,
  PasswordChangeSchema,
  SessionSchema as SessionContract,
  SignupSchema,
  UserSchema as UserContract,
} from "@opencjm/core";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { clientAddress, trustedProxies } from "../../auth/clientAddress.js";
import { acceptInvitation, findOpenInvitation } from "../../auth/invitationAcceptor.js";
import { requireStrongPassword } from "../../auth/passwordPolicy.js";
import { verifyPassword, hashPassword } from "../../auth/passwords.js";
import { SESSION_COOKIE } from "../../auth/resolveCaller.js";
import { changePassword as changeAccountPassword } from "../../commands/passwordChanger.js";
import { createSession } from "../../commands/sessionCreator.js";
import { createUser } from "../../commands/userCreator.js";
import { DomainError, tryAgainLater } from "../../errors/DomainError.js";
import type { AppEnv } from "../../http/appEnv.js";
import { requireAccountWriter, requireSession } from "../../http/callerMiddleware.js";
import { deleteSession, findLogin, getUser, updateProfile } from "../../store/userStore.js";
import { listWorkspacesOf } from "../../store/workspaceStore.js";
import { errorResponses, jsonBody, jsonContent, named, OkSchema } from "../openApiSchemas.js";

const PasswordChangedSchema = z.object({ ok: z.literal(true), endedSessions: z.number(), revokedTokens: z.number() });
const UserSchema = named(UserContract, "User");
const SessionSchema = named(SessionContract, "Session");

const tags = ["Auth"];
const signup = createRoute({
  method: "post",
  path: "/api/auth/signup",
  tags,
  summary: "Create an account and sign in (with SIGNUP=invite-only, only with an invitation to that e-mail)",
  request: jsonBody(SignupSchema),
  responses: {
    201: jsonContent(SessionSchema, "Signed up"),
    409: errorResponses[400],
    400: errorResponses[400],
    403: errorResponses[400],
  },
});
const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags,
  summary: "Sign in with e-mail and password (rate limited)",
  request: jsonBody(LoginSchema),
  responses: {
    200: jsonContent(SessionSchema, "Signed in"),
    400: errorResponses[400],
    401: errorResponses[401],
    429: errorResponses[401],
  },
});
const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags,
  summary: "End the current session",
  responses: { 200: jsonContent(OkSchema, "Signed out") },
});
const session = createRoute({
  method: "get",
  path: "/api/auth/session",
  tags,
  summary: "The signed-in user, CSRF token and workspaces",
  responses: { 200: jsonContent(SessionSchema, "Current session"), 401: errorResponses[401] },
});
const updateMe = createRoute({
  method: "patch",
  path: "/api/auth/me",
  tags,
  summary: "Change your name or language",
  request: jsonBody(MeSchema),
  responses: { 200: jsonContent(UserSchema, "Updated"), ...errorResponses },
});
const changePassword = createRoute({
  method: "post",
  path: "/api/auth/password",
  tags,
  summary: "Change your password (ends your other sessions; `revokeTokens: true` also revokes your API tokens)",
  request: jsonBody(PasswordChangeSchema),
  responses: { 200: jsonContent(PasswordChangedSchema, "Changed"), ...errorResponses },
});

/** The socket's peer address, or undefined outside Node's HTTP server (in-process test requests). */
function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Accounts and sessions: sign-up, sign-in (argon2id, rate limited), sign-out, session, profile, password. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  let proxies: ReturnType<typeof trustedProxies> | undefined;

  async function startSession(c: Context<AppEnv>, userId: string) {
    const { db, config } = c.get("services");
    const s = await createSession(db, userId, config.sessionTtlMs);
    setCookie(c, SESSION_COOKIE, s.cookie, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: config.secureCookies,
      maxAge: Math.floor(config.sessionTtlMs / 1000),
    });
    return sessionBody(c, userId, s.csrfToken);
  }

  async function sessionBody(c: Context<AppEnv>, userId: string, csrfToken: string) {
    const { db } = c.get("services");
    const user = await getUser(db, userId);
    const workspaces = await listWorkspacesOf(db, userId);
    return { user, csrfToken, workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })) };
  }

  app.openapi(signup, async (c) => {
    const { invitation: invitationToken, ...body } = c.req.valid("json");
    const { db, config } = c.get("services");
    const invitation = invitationToken ? await findOpenInvitation(db, invitationToken, body.email) : undefined;
    if (config.signup === "invite-only" && !invitation) {
      throw new DomainError({
        kind: "forbidden",
        code: "signup_closed",
        message:
          "this server only accepts new accounts by invitation; ask a workspace owner to invite your e-mail and sign up with the invitation",
      });
    }
    requireStrongPassword(body.password, body, "password");
    const user = await createUser(db, body);
    if (invitation) {
      const role = await acceptInvitation(db, invitation, user.id);
      await c.get("services").activity.record({
        workspaceId: invitation.workspaceId,
        actorId: user.id,
        action: "member.joined",
        data: { name: body.name, email: invitation.email, role },
      });
    }
    return c.json(await startSession(c, user.id), 201);
  });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid("json");
    const { db, config, loginLimits } = c.get("services");
    proxies ??= trustedProxies(config.trustProxy);
    const address = clientAddress(
      socketAddress(c),
      config.trustProxy.length > 0 ? c.req.header("x-forwarded-for") : undefined,
      proxies,
    );
    const normalizedEmail = email.trim().toLowerCase();
    const verdict = await loginLimits.check(normalizedEmail, address);
    if (verdict.retryAfterSeconds > 0) {
      throw tryAgainLater(
        "too_many",
        "rate_limited",
        `too many failed sign-ins from your address; try again in ${verdict.retryAfterSeconds} seconds`,
        verdict.retryAfterSeconds,
      );
    }
    // Many failures on this e-mail from everywhere: slow every attempt on it down, but never refuse its owner.
    if (verdict.delayMs > 0) await pause(verdict.delayMs);
    const user = await findLogin(db, normalizedEmail);
    // Verify against a dummy hash when the user is unknown so both failures take the same time.
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
    if (!user || !ok) {
      await loginLimits.recordFailure(normalizedEmail, address);
      throw new DomainError({
        kind: "unauthenticated",
        code: "invalid_credentials",
        message: "e-mail or password is wrong",
      });
    }
    await loginLimits.recordSuccess(normalizedEmail, address);
    return c.json(await startSession(c, user.id), 200);
  });

  app.openapi(logout, async (c) => {
    const caller = c.get("caller");
    if (caller?.kind === "session") await deleteSession(c.get("services").db, caller.sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(session, async (c) => {
    const caller = requireSession(c);
    return c.json(await sessionBody(c, caller.userId, caller.csrfToken), 200);
  });

  app.openapi(updateMe, async (c) => {
    const caller = requireAccountWriter(c);
    const patch = c.req.valid("json");
    const { db } = c.get("services");
    await updateProfile(db, caller.userId, patch);
    return c.json(await getUser(db, caller.userId), 200);
  });

  app.openapi(changePassword, async (c) => {
    const caller = requireSession(c);
    const { currentPassword, newPassword, revokeTokens } = c.req.valid("json");
    const { db } = c.get("services");
    const { endedSessions, revokedTokens } = await changeAccountPassword(db, {
      userId: caller.userId,
      sessionId: caller.sessionId,
      currentPassword,
      newPassword,
      revokeTokens,
    });
    return c.json({ ok: true as const, endedSessions, revokedTokens }, 200);
  });
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not a real password, only for timing");
  return dummy;
}
