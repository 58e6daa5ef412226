import { lazy, Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { I18nProvider } from "../i18n/I18nProvider.js";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { startWorkspace } from "./lastWorkspace.js";
import { LoadingScreen } from "./LoadingScreen.js";
import { NotFoundPage } from "./NotFoundPage.js";
import { RequireSession } from "./RequireSession.js";
import { SessionProvider, useSession } from "./SessionProvider.js";

// Each screen is its own chunk: the editor's code is not downloaded to show the sign-in page.
const screens = {
  signIn: () => import("../features/auth/SignInPage.js"),
  signUp: () => import("../features/auth/SignUpPage.js"),
  shell: () => import("./AppShell.js"),
  firstWorkspace: () => import("./FirstWorkspacePage.js"),
  home: () => import("../features/home/HomePage.js"),
  newMap: () => import("../features/templates/NewMapPage.js"),
  persona: () => import("../features/personas/PersonaPage.js"),
  compare: () => import("../features/compare/CompareMapsPage.js"),
  editor: () => import("../features/mapEditor/MapEditorPage.js"),
  shared: () => import("../features/mapEditor/SharedMapPage.js"),
  dataSources: () => import("../features/evidence/sources/DataSourcesPage.js"),
  touchpointRules: () => import("../features/evidence/rules/TouchpointRulesPage.js"),
  paths: () => import("../features/evidence/paths/PathsPage.js"),
};

const SignInPage = lazy(screens.signIn);
const SignUpPage = lazy(screens.signUp);
const AppShell = lazy(screens.shell);
const FirstWorkspacePage = lazy(screens.firstWorkspace);
const HomePage = lazy(screens.home);
const NewMapPage = lazy(screens.newMap);
const PersonaPage = lazy(screens.persona);
const CompareMapsPage = lazy(screens.compare);
const MapEditorPage = lazy(screens.editor);
const SharedMapPage = lazy(screens.shared);
const DataSourcesPage = lazy(screens.dataSources);
const TouchpointRulesPage = lazy(screens.touchpointRules);
const PathsPage = lazy(screens.paths);

/**
 * Starts downloading the code of the screen an address opens, before React renders: otherwise the shell's chunk and
 * the screen's chunk would load one after the other, each only once its parent has rendered.
 */
export function preloadScreen(pathname: string): void {
  const wanted: Array<keyof typeof screens> = [];
  if (/^\/(share|embed|print)\//.test(pathname)) wanted.push("shared");
  else if (pathname.startsWith("/w/")) {
    wanted.push("shell");
    if (/^\/w\/[^/]+\/maps\/[^/]+\/?$/.test(pathname)) wanted.push("editor");
    else if (/^\/w\/[^/]+\/?$/.test(pathname)) wanted.push("home");
  } else if (pathname === "/signin") wanted.push("signIn");
  for (const name of wanted) void screens[name]().catch(() => undefined);
}

function StartRedirect() {
  const { session } = useSession();
  if (session === undefined) return <LoadingScreen />;
  if (!session) return <Redirect to="/signin" replace />;
  const first = startWorkspace(session.workspaces);
  // A new account belongs to no workspace yet: it creates its first one here.
  if (!first) return <FirstWorkspacePage />;
  return <Redirect to={`/w/${first.id}`} replace />;
}

/** The routes of the app. Workspace screens sit inside the shell (top bar, workspace switcher, language). */
export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Switch>
        <Route path="/" component={StartRedirect} />
        <Route path="/signin" component={SignInPage} />
        <Route path="/signup" component={SignUpPage} />
        <Route path="/share/:token">{(p) => <SharedMapPage token={p.token} mode="share" />}</Route>
        <Route path="/embed/:token">{(p) => <SharedMapPage token={p.token} mode="embed" />}</Route>
        <Route path="/print/:token">{(p) => <SharedMapPage token={p.token} mode="print" />}</Route>
        <Route path="/w/:workspaceId" nest>
          {(p) => (
            <RequireSession>
              <AppShell workspaceId={p.workspaceId}>
                <Switch>
                  <Route path="/">{() => <HomePage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/new">{() => <NewMapPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/personas/:personaId">{(q) => <PersonaPage workspaceId={p.workspaceId} personaId={q.personaId} />}</Route>
                  <Route path="/data">{() => <DataSourcesPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/data/touchpoints">{() => <TouchpointRulesPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/maps/:mapId/paths">{(q) => <PathsPage workspaceId={p.workspaceId} mapId={q.mapId} />}</Route>
                  <Route path="/maps/:mapId">{(q) => <MapEditorPage workspaceId={p.workspaceId} mapId={q.mapId} />}</Route>
                  <Route path="/compare/:leftId/:rightId">{(q) => <CompareMapsPage workspaceId={p.workspaceId} leftId={q.leftId} rightId={q.rightId} />}</Route>
                  <Route component={NotFoundPage} />
                </Switch>
              </AppShell>
            </RequireSession>
          )}
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}

/** The whole app: language first (nothing shows before its catalogue), then the session, then the routes. */
export function App() {
  return (
    <I18nProvider>
      <ErrorBoundary>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}
