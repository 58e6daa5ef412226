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
const SignInPage = lazy(() => import("../features/auth/SignInPage.js"));
const SignUpPage = lazy(() => import("../features/auth/SignUpPage.js"));
const AppShell = lazy(() => import("./AppShell.js"));
const FirstWorkspacePage = lazy(() => import("./FirstWorkspacePage.js"));
const HomePage = lazy(() => import("../features/home/HomePage.js"));
const NewMapPage = lazy(() => import("../features/templates/NewMapPage.js"));
const PersonaPage = lazy(() => import("../features/personas/PersonaPage.js"));
const CompareMapsPage = lazy(() => import("../features/compare/CompareMapsPage.js"));
const MapEditorPage = lazy(() => import("../features/mapEditor/MapEditorPage.js"));
const SharedMapPage = lazy(() => import("../features/mapEditor/SharedMapPage.js"));
const DataSourcesPage = lazy(() => import("../features/evidence/sources/DataSourcesPage.js"));
const TouchpointRulesPage = lazy(() => import("../features/evidence/rules/TouchpointRulesPage.js"));
const PathsPage = lazy(() => import("../features/evidence/paths/PathsPage.js"));

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
