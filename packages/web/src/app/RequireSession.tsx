import type { ReactNode } from "react";
import { Redirect } from "wouter";
import { LoadingScreen } from "./LoadingScreen.js";
import { useSession } from "./SessionProvider.js";

/** Shows its children only to a signed-in user; others go to the sign-in page and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session === undefined) return <LoadingScreen />;
  if (!session) return <Redirect to={`~/signin?next=${encodeURIComponent(window.location.pathname)}`} replace />;
  return <>{children}</>;
}
