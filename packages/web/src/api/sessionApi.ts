import type { Locale, Session, SignupRequest } from "@opencjm/core";
import { api } from "./apiClient.js";

/** The signed-in user with the workspaces they belong to. */
export type { Session };

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api.get<Session>("/api/auth/session");
  } catch (err) {
    if (err instanceof Error && "status" in err && err.status === 401) return null;
    throw err;
  }
}

let early: Promise<Session | null> | undefined;

/** Starts loading the session before React renders, so it arrives while the code and the catalogue still load. */
export function prefetchSession(): void {
  early ??= fetchSession();
  // Errors are handled by whoever takes the result; this only keeps an unobserved rejection quiet.
  early.catch(() => undefined);
}

/** The session fetched by `prefetchSession` (once), else a fresh fetch. */
export function takeSession(): Promise<Session | null> {
  const pending = early ?? fetchSession();
  early = undefined;
  return pending;
}

/** Signs in with e-mail and password. */
export function signIn(email: string, password: string): Promise<Session> {
  return api.post<Session>("/api/auth/login", { email, password });
}

/** Creates an account and signs in. */
export function signUp(input: Omit<SignupRequest, "invitation">): Promise<Session> {
  return api.post<Session>("/api/auth/signup", input);
}

/** Ends the session. */
export function signOut(): Promise<unknown> {
  return api.post("/api/auth/logout");
}

/** Stores the user's language on their account so it follows them to other devices. */
export function saveUserLocale(locale: Locale): Promise<unknown> {
  return api.patch("/api/auth/me", { locale });
}
