import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Role } from "@opencjm/core";
import { setCsrfToken } from "../api/apiClient.js";
import { fetchSession, saveUserLocale, takeSession, signOut as apiSignOut, type Session } from "../api/sessionApi.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { storedLocale } from "../i18n/storedLocale.js";
import { isUiLocale, type UiLocale } from "../i18n/locales.js";
import { loadMessages } from "../i18n/messages.js";
import { LoadingScreen } from "./LoadingScreen.js";

/** The signed-in state every screen reads. */
export interface SessionState {
  /** undefined while loading, null when signed out. */
  session: Session | null | undefined;
  /** Replaces the session after sign-in or sign-up. */
  setSession: (session: Session | null) => void;
  /** Reloads the session (e.g. after joining a workspace). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** The caller's role in a workspace, or undefined when not a member. */
  roleIn: (workspaceId: string) => Role | undefined;
  /** Changes the UI language and remembers it on the account. */
  changeLanguage: (locale: UiLocale) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the session once, keeps the CSRF token in the API client, and follows the account's language. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  // The account's language while its catalogue is still loading: screens wait for it instead of showing a moment of
  // the browser's language first.
  const [awaitedLocale, setAwaitedLocale] = useState<UiLocale | undefined>(undefined);

  const setSession = useCallback(
    (next: Session | null) => {
      setCsrfToken(next?.csrfToken);
      setSessionState(next);
      // The account's language wins unless this device has a choice of its own.
      if (next && !storedLocale() && isUiLocale(next.user.locale) && next.user.locale !== locale) {
        const wanted = next.user.locale;
        setAwaitedLocale(wanted);
        setLocale(wanted);
        // Should that catalogue fail to load, the screens show in the language they have rather than wait forever.
        loadMessages(wanted).catch(() => setAwaitedLocale((current) => (current === wanted ? undefined : current)));
      }
    },
    [locale, setLocale],
  );

  const load = useCallback(
    async (fetcher: () => Promise<Session | null>) => {
      try {
        setSession(await fetcher());
      } catch {
        setSession(null);
      }
    },
    [setSession],
  );
  const refresh = useCallback(() => load(fetchSession), [load]);

  useEffect(() => {
    void load(takeSession);
    // Only once: later changes come from sign-in, sign-out and explicit refreshes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      session,
      setSession,
      refresh,
      signOut: async () => {
        await apiSignOut().catch(() => undefined);
        setSession(null);
      },
      roleIn: (workspaceId) => session?.workspaces.find((w) => w.id === workspaceId)?.role,
      changeLanguage: (next) => {
        // A choice made by hand keeps the current screen up while the new catalogue loads.
        setAwaitedLocale(undefined);
        setLocale(next);
        if (session) void saveUserLocale(next).catch(() => undefined);
      },
    }),
    [session, setSession, refresh, setLocale],
  );
  const waiting = awaitedLocale !== undefined && awaitedLocale !== locale;
  return <SessionContext.Provider value={value}>{waiting ? <LoadingScreen /> : children}</SessionContext.Provider>;
}

/** The session state. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}
