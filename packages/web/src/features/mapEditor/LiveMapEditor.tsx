import { docToSnapshot, type MapOperationInput, type MapSettings, type Persona } from "@opencjm/core";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { AwarenessLike } from "../../collab/createPresence.js";
import type { MapConnection } from "../../collab/useMapDocument.js";
import { useSession } from "../../app/SessionProvider.js";
import { useDocumentTitle } from "../../app/useDocumentTitle.js";
import { ExchangeMenu } from "../exchange/ExchangeMenu.js";
import { useT } from "../../i18n/I18nProvider.js";
import type { CatalogueChange, CellCatalogue } from "../cells/CellContentProps.js";
import { FutureStateNotice } from "../compare/FutureStateNotice.js";
import { CommentsButton } from "../comments/CommentsButton.js";
import { CommentsProvider } from "../comments/CommentsProvider.js";
import { IdeaLinksProvider } from "../ideas/IdeaLinksProvider.js";
import { StepResearchProvider } from "../research/StepResearchProvider.js";
import { StepDriftProvider } from "../drift/StepDriftProvider.js";
import { EvidenceBar } from "../evidence/map/EvidenceBar.js";
import { EvidenceToggle } from "../evidence/map/EvidenceToggle.js";
import { JourneyGoalEvidence } from "../evidence/map/JourneyGoalEvidence.js";
import { HistoryButton } from "../history/HistoryButton.js";
import { MapEvidence } from "../evidence/map/MapEvidence.js";
import { useEditorSession } from "./editing/useEditorSession.js";
import { GridFocus } from "./grid/createGridFocus.js";
import { GridContext, type GridContextValue } from "./grid/GridContext.js";
import { ZOOM_LEVELS } from "./grid/gridSizes.js";
import { MapGrid } from "./grid/MapGrid.js";
import { SearchMatches } from "./grid/SearchMatches.js";
import { EditorHeader } from "./header/EditorHeader.js";
import { MapTools } from "./header/MapTools.js";
import { SearchBox } from "./header/SearchBox.js";
import { SettingsDrawer } from "./header/SettingsDrawer.js";
import { PresentButton } from "./presentation/PresentButton.js";
import { PresentationView } from "./presentation/PresentationView.js";
import { ReadingView } from "./reading/ReadingView.js";
import { ReadingModeSwitch } from "./reading/ReadingModeSwitch.js";
import { useReadingMode } from "./reading/useReadingMode.js";
import { MapViewContext, useSettings } from "./store/useMapView.js";
import { useConfirmDialog } from "./useConfirmDialog.js";
import { useRefusalNotice } from "./useRefusalNotice.js";
import { UnreadableCards } from "./UnreadableCards.js";
import styles from "./LiveMapEditor.module.css";

const ZOOM_KEY = "opencjm.editor.zoom";

function storedZoom(): number {
  try {
    const z = Number(localStorage.getItem(ZOOM_KEY));
    return (ZOOM_LEVELS as readonly number[]).includes(z) ? z : 1;
  } catch {
    return 1;
  }
}

/** Keeps the tab title on the map's title while it is open. */
function DocumentTitle() {
  useDocumentTitle(useSettings().title);
  return null;
}

/** Settings drawer bound to the live map. */
function LiveSettingsDrawer({
  personas,
  readOnly,
  onApply,
  onClose,
}: {
  personas: readonly Persona[];
  readOnly: boolean;
  onApply: (patch: Partial<MapSettings>) => boolean;
  onClose: () => void;
}) {
  const settings = useSettings();
  return (
    <SettingsDrawer settings={settings} personas={personas} readOnly={readOnly} onApply={onApply} onClose={onClose} />
  );
}

/** The editor of a synced live map: header, grid, settings drawer, confirmations and refusals. */
export function LiveMapEditor(props: {
  connection: MapConnection;
  catalogue: CellCatalogue;
  personas: readonly Persona[];
  readOnly: boolean;
  me: { id: string; name: string };
  workspaceId: string;
  mapId: string;
}) {
  const t = useT();
  const { roleIn } = useSession();
  const { connection, readOnly, me } = props;
  // Cells can add to the catalogue (a touchpoint created in the picker); the grid shows it without a reload.
  const [catalogue, setCatalogue] = useState(props.catalogue);
  const onCatalogueChange = useCallback(
    (change: CatalogueChange) =>
      setCatalogue((c) => ({ ...c, touchpoints: new Map(c.touchpoints).set(change.touchpoint.id, change.touchpoint) })),
    [],
  );
  const { report, notice } = useRefusalNotice();
  const { confirm, dialog } = useConfirmDialog();
  const session = useEditorSession(
    connection.doc,
    connection.provider.awareness as AwarenessLike | null,
    me,
    readOnly,
    report,
  );
  const focus = useMemo(() => new GridFocus(), []);
  const search = useMemo(() => new SearchMatches(), []);
  const [zoom, setZoomState] = useState(storedZoom);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const pageRef = useRef<HTMLDivElement>(null);
  const setZoom = useCallback((z: number) => {
    setZoomState(z);
    try {
      localStorage.setItem(ZOOM_KEY, String(z));
    } catch {
      // Storage refused (private window): the zoom lasts for this visit.
    }
  }, []);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const showCell = useCallback(
    (key: string) => {
      const [laneId, stepId] = key.split(":") as [string, string];
      focus.show({ kind: "cell", laneId, stepId });
    },
    [focus],
  );
  // Phones read the map as a list; on a tablet so do viewers, while editors get the grid (each can switch).
  const reading = useReadingMode(!readOnly);
  // The map as it is when the presentation starts: an audience sees a steady picture while others keep editing.
  const [presented, setPresented] = useState<ReturnType<typeof docToSnapshot> | null>(null);
  const present = useCallback(() => setPresented(docToSnapshot(connection.doc)), [connection.doc]);
  const stopPresenting = useCallback(() => setPresented(null), []);

  // The editor fills the window below the app bar; the grid scrolls inside it with sticky headers.
  useLayoutEffect(() => {
    const el = pageRef.current;
    if (el) el.style.blockSize = `calc(100dvh - ${Math.max(0, el.getBoundingClientRect().top + window.scrollY)}px)`;
  }, [session]);

  const grid = useMemo<GridContextValue | null>(
    () =>
      session
        ? {
            editor: session.editor,
            readOnly,
            focus,
            presence: session.presence,
            search,
            catalogue,
            zoom,
            confirm,
            openSettings,
            workspaceId: props.workspaceId,
            onCatalogueChange,
          }
        : null,
    [session, readOnly, focus, search, catalogue, zoom, confirm, openSettings, props.workspaceId, onCatalogueChange],
  );
  if (!session || !grid) return null;
  const jump = (key: string) => {
    const [laneId, stepId] = key.split(":") as [string, string];
    focus.set({ kind: "cell", laneId, stepId }, false, true);
  };

  return (
    <MapEvidence
      workspaceId={props.workspaceId}
      mapId={props.mapId}
      touchpoints={catalogue.touchpoints}
      canEdit={!readOnly}
    >
      <MapViewContext.Provider value={session.view}>
        <GridContext.Provider value={grid}>
          <JourneyGoalEvidence>
            <CommentsProvider
              workspaceId={props.workspaceId}
              mapId={props.mapId}
              meId={me.id}
              role={roleIn(props.workspaceId)}
              live={connection.provider}
            >
              <IdeaLinksProvider workspaceId={props.workspaceId} mapId={props.mapId} canWrite={!readOnly}>
                <div
                  ref={pageRef}
                  className={styles.page}
                  data-testid="map-editor"
                  data-read-only={readOnly || undefined}
                >
                  <DocumentTitle />
                  <EditorHeader
                    editor={session.editor}
                    presence={session.presence}
                    me={me}
                    connection={connection}
                    zoom={zoom}
                    onZoom={setZoom}
                    onOpenSettings={openSettings}
                    search={
                      <SearchBox
                        search={search}
                        view={session.view}
                        catalogue={catalogue}
                        onJump={jump}
                        onShow={showCell}
                      />
                    }
                    tools={[
                      { id: "data", node: <EvidenceToggle />, collapse: 4 },
                      { id: "comments", node: <CommentsButton />, collapse: 1 },
                      // The history panel lives beside its button: it stays on the bar.
                      { id: "history", node: <HistoryButton workspaceId={props.workspaceId} mapId={props.mapId} /> },
                      { id: "present", node: <PresentButton onPresent={present} />, collapse: 3 },
                      {
                        id: "export",
                        node: <ExchangeMenu workspaceId={props.workspaceId} mapId={props.mapId} />,
                        collapse: 2,
                      },
                      ...(reading.switchable
                        ? [{ id: "reading", node: <ReadingModeSwitch mode={reading} />, collapse: 5 }]
                        : []),
                    ]}
                    more={<MapTools workspaceId={props.workspaceId} mapId={props.mapId} />}
                  />
                  <FutureStateNotice key={props.mapId} workspaceId={props.workspaceId} />
                  <EvidenceBar personas={props.personas} userId={me.id} />
                  <UnreadableCards
                    doc={connection.doc}
                    readOnly={readOnly}
                    apply={(ops) => session.editor.apply(ops)}
                  />
                  <div className={styles.body}>
                    <StepResearchProvider workspaceId={props.workspaceId} mapId={props.mapId}>
                      <StepDriftProvider workspaceId={props.workspaceId} mapId={props.mapId}>
                        {reading.reading ? (
                          <ReadingView catalogue={catalogue} />
                        ) : (
                          <MapGrid label={t("editor.gridLabel")} />
                        )}
                      </StepDriftProvider>
                    </StepResearchProvider>
                  </div>
                  {settingsOpen && (
                    <LiveSettingsDrawer
                      personas={props.personas}
                      readOnly={readOnly}
                      onApply={(patch) =>
                        session.editor.apply([{ op: "updateSettings", settings: patch } as MapOperationInput])
                      }
                      onClose={() => setSettingsOpen(false)}
                    />
                  )}
                  {dialog}
                  {notice}
                </div>
              </IdeaLinksProvider>
            </CommentsProvider>
            {/* Outside the comments and ideas: a presentation shows the map, not its editing marks. */}
            {presented && <PresentationView snapshot={presented} catalogue={catalogue} onClose={stopPresenting} />}
          </JourneyGoalEvidence>
        </GridContext.Provider>
      </MapViewContext.Provider>
    </MapEvidence>
  );
}
