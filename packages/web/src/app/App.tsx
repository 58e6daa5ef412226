import { QueryClientProvider } from "@tanstack/react-query";
import { Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { I18nProvider } from "../i18n/I18nProvider.js";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { lazyScreen } from "./lazyScreen.js";
import { startWorkspace } from "./lastWorkspace.js";
import { LoadingScreen } from "./LoadingScreen.js";
import { NotFoundPage } from "./NotFoundPage.js";
import { appQueryClient } from "./queryClient.js";
import { RequireSession } from "./RequireSession.js";
import { SessionProvider, useSession } from "./SessionProvider.js";

// Each screen is its own chunk: the editor's code is not downloaded to show the sign-in page.
const screens = {
  signIn: lazyScreen(() => import("../features/auth/SignInPage.js")),
  signUp: lazyScreen(() => import("../features/auth/SignUpPage.js")),
  shell: lazyScreen(() => import("./AppShell.js")),
  firstWorkspace: lazyScreen(() => import("./FirstWorkspacePage.js")),
  home: lazyScreen(() => import("../features/home/HomePage.js")),
  newMap: lazyScreen(() => import("../features/templates/NewMapPage.js")),
  persona: lazyScreen(() => import("../features/personas/PersonaPage.js")),
  compare: lazyScreen(() => import("../features/compare/CompareMapsPage.js")),
  editor: lazyScreen(() => import("../features/mapEditor/MapEditorPage.js")),
  version: lazyScreen(() => import("../features/history/VersionPage.js")),
  shared: lazyScreen(() => import("../features/mapEditor/SharedMapPage.js")),
  dataSources: lazyScreen(() => import("../features/evidence/sources/DataSourcesPage.js")),
  touchpointRules: lazyScreen(() => import("../features/evidence/rules/TouchpointRulesPage.js")),
  paths: lazyScreen(() => import("../features/evidence/paths/PathsPage.js")),
  members: lazyScreen(() => import("../features/members/MembersPage.js")),
  activity: lazyScreen(() => import("../features/activity/ActivityPage.js")),
  ideas: lazyScreen(() => import("../features/ideas/IdeasPage.js")),
  kpis: lazyScreen(() => import("../features/kpis/KpisPage.js")),
  drift: lazyScreen(() => import("../features/drift/DriftPage.js")),
  research: lazyScreen(() => import("../features/research/ResearchPage.js")),
  study: lazyScreen(() => import("../features/research/StudyPage.js")),
  researchNote: lazyScreen(() => import("../features/research/NotePage.js")),
  researchSearch: lazyScreen(() => import("../features/research/InsightSearchPage.js")),
  acceptInvitation: lazyScreen(() => import("../features/members/AcceptInvitationPage.js")),
  customerTimeline: lazyScreen(() => import("../features/customerTimeline/CustomerTimelinePage.js")),
  customersWhoLeft: lazyScreen(() => import("../features/customerTimeline/CustomersWhoLeftPage.js")),
};

const SignInPage = screens.signIn.Component;
const SignUpPage = screens.signUp.Component;
const AppShell = screens.shell.Component;
const FirstWorkspacePage = screens.firstWorkspace.Component;
const HomePage = screens.home.Component;
const CustomerTimelinePage = screens.customerTimeline.Component;
const CustomersWhoLeftPage = screens.customersWhoLeft.Component;
const NewMapPage = screens.newMap.Component;
const PersonaPage = screens.persona.Component;
const CompareMapsPage = screens.compare.Component;
const MapEditorPage = screens.editor.Component;
const VersionPage = screens.version.Component;
const SharedMapPage = screens.shared.Component;
const DataSourcesPage = screens.dataSources.Component;
const TouchpointRulesPage = screens.touchpointRules.Component;
const PathsPage = screens.paths.Component;
const MembersPage = screens.members.Component;
const ActivityPage = screens.activity.Component;
const IdeasPage = screens.ideas.Component;
const KpisPage = screens.kpis.Component;
const DriftPage = screens.drift.Component;
const ResearchPage = screens.research.Component;
const StudyPage = screens.study.Component;
const NotePage = screens.researchNote.Component;
const InsightSearchPage = screens.researchSearch.Component;
const AcceptInvitationPage = screens.acceptInvitation.Component;

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
  for (const name of wanted) void screens[name].preload().catch(() => undefined);
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
        {/* The API's invitation `acceptPath` (core's invitationAcceptPath): open to signed-out people, who sign up here. */}
        <Route path="/invite/:token">{(p) => <AcceptInvitationPage token={p.token} />}</Route>
        <Route path="/share/:token">{(p) => <SharedMapPage token={p.token} mode="share" />}</Route>
        <Route path="/embed/:token">{(p) => <SharedMapPage token={p.token} mode="embed" />}</Route>
        {/* Keyed by the one-use token: the export browser reuses its tab for the next print (MapPrintRenderer.ts), which
            must start from nothing — no measurements or data of the previous map. */}
        <Route path="/print/:token">{(p) => <SharedMapPage key={p.token} token={p.token} mode="print" />}</Route>
        <Route path="/w/:workspaceId" nest>
          {(p) => (
            <RequireSession>
              <AppShell workspaceId={p.workspaceId}>
                <Switch>
                  <Route path="/">{() => <HomePage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/new">{() => <NewMapPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/personas/:personaId">
                    {(q) => <PersonaPage workspaceId={p.workspaceId} personaId={q.personaId} />}
                  </Route>
                  <Route path="/members">{() => <MembersPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/activity">{() => <ActivityPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/ideas">{() => <IdeasPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/kpis">{() => <KpisPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/drift">{() => <DriftPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/research">{() => <ResearchPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/research/search">{() => <InsightSearchPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/research/studies/:studyId">
                    {(q) => <StudyPage workspaceId={p.workspaceId} studyId={q.studyId} />}
                  </Route>
                  <Route path="/research/notes/:noteId">
                    {(q) => <NotePage workspaceId={p.workspaceId} noteId={q.noteId} />}
                  </Route>
                  <Route path="/data">{() => <DataSourcesPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/data/touchpoints">{() => <TouchpointRulesPage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/customers">{() => <CustomerTimelinePage workspaceId={p.workspaceId} />}</Route>
                  <Route path="/maps/:mapId/steps/:stepId/left">
                    {(q) => <CustomersWhoLeftPage workspaceId={p.workspaceId} mapId={q.mapId} stepId={q.stepId} />}
                  </Route>
                  <Route path="/maps/:mapId/paths">
                    {(q) => <PathsPage workspaceId={p.workspaceId} mapId={q.mapId} />}
                  </Route>
                  <Route path="/maps/:mapId/versions/:versionId">
                    {(q) => <VersionPage workspaceId={p.workspaceId} mapId={q.mapId} versionId={q.versionId} />}
                  </Route>
                  <Route path="/maps/:mapId">
                    {(q) => <MapEditorPage workspaceId={p.workspaceId} mapId={q.mapId} />}
                  </Route>
                  <Route path="/compare/:leftId/:rightId">
                    {(q) => <CompareMapsPage workspaceId={p.workspaceId} leftId={q.leftId} rightId={q.rightId} />}
                  </Route>
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
    <QueryClientProvider client={appQueryClient}>
      <I18nProvider>
        <ErrorBoundary>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </ErrorBoundary>
      </I18nProvider>
    </QueryClientProvider>
  );
}
