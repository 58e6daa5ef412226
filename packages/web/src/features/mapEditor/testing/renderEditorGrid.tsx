import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type * as Y from "yjs";
import { createI18n, StaticI18nProvider } from "../../../i18n/I18nProvider.js";
import type { UiLocale } from "../../../i18n/locales.js";
import type { Message, Messages } from "../../../i18n/messages.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { createMapEditor } from "../editing/createMapEditor.js";
import type { EditRefusal } from "../editing/MapEditor.js";
import { GridFocus } from "../grid/createGridFocus.js";
import { GridContext } from "../grid/GridContext.js";
import { MapGrid } from "../grid/MapGrid.js";
import { SearchMatches } from "../grid/SearchMatches.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import { MapViewContext } from "../store/useMapView.js";

// jsdom has no CSS.escape (user-event uses it); browsers do.
if (typeof globalThis.CSS === "undefined") {
  Object.assign(globalThis, { CSS: { escape: (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`) } });
}

const files = import.meta.glob<{ default: Record<string, Message> }>("../../../i18n/*/*.json", { eager: true });

/** The real catalogue of one language, as the app ships it. */
export function editorMessages(locale: UiLocale): Messages {
  const out: Messages = {};
  for (const [path, file] of Object.entries(files)) {
    const match = /\/([\w-]+)\/([\w-]+)\.json$/.exec(path);
    if (match?.[2] === locale)
      for (const [key, value] of Object.entries(file.default)) out[`${match[1]}.${key}`] = value;
  }
  return out;
}

const emptyCatalogue: CellCatalogue = { touchpoints: new Map(), channels: new Map(), personas: new Map() };

/**
 * Renders the live map grid over a real Y.Doc (the test map of `buildTestMapDoc` unless one is given), with the real
 * view, editor (per-user undo), focus and catalogue in a language; confirmations answer `confirmAnswer`.
 */
export function renderEditorGrid(
  options: {
    doc?: Y.Doc;
    readOnly?: boolean;
    locale?: UiLocale;
    confirmAnswer?: boolean;
    /** Wraps the grid in what the editor puts around it (comment badges, idea links). */
    around?: (grid: ReactElement) => ReactElement;
  } = {},
) {
  const doc = options.doc ?? buildTestMapDoc();
  const view = createLiveMapView(doc);
  const refusals: EditRefusal[] = [];
  const editor = createMapEditor(doc, view, {
    readOnly: options.readOnly ?? false,
    onRefused: (r) => refusals.push(r),
  });
  const focus = new GridFocus();
  const confirms: string[] = [];
  const grid = {
    editor,
    readOnly: options.readOnly ?? false,
    focus,
    presence: null,
    search: new SearchMatches(),
    catalogue: emptyCatalogue,
    zoom: 1,
    confirm: async (message: string) => (confirms.push(message), options.confirmAnswer ?? true),
  };
  const i18n = createI18n(options.locale ?? "en", editorMessages(options.locale ?? "en"));
  const result = render(
    <StaticI18nProvider i18n={i18n}>
      <MapViewContext.Provider value={view}>
        <GridContext.Provider value={grid}>
          {options.around ? options.around(<MapGrid label="Map" />) : <MapGrid label="Map" />}
        </GridContext.Provider>
      </MapViewContext.Provider>
    </StaticI18nProvider>,
  );
  const cell = (laneId: string, stepId: string) =>
    result.container.querySelector<HTMLElement>(`[data-focus-key="cell:${laneId}:${stepId}"]`)!;
  return { ...result, doc, view, editor, focus, refusals, confirms, cell };
}
