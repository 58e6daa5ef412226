import { useState } from "react";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useDocumentTitle } from "../../app/useDocumentTitle.js";
import { useI18n, useT } from "../../i18n/I18nProvider.js";
import { ZOOM_LEVELS } from "./grid/gridSizes.js";
import { InfographicView } from "./infographic/InfographicView.js";
import { MapLoadError } from "./MapLoadError.js";
import { ReadOnlyMap } from "./ReadOnlyMap.js";
import { SnapshotReadingView } from "./reading/SnapshotReadingView.js";
import { ReadingModeSwitch } from "./reading/ReadingModeSwitch.js";
import { useReadingMode } from "./reading/useReadingMode.js";
import { LocaleOverride } from "./shared/LocaleOverride.js";
import { PAPERS, type Orientation, type Paper } from "./shared/printLayout.js";
import { PrintMapView } from "./shared/PrintMapView.js";
import { SharedMapHeader } from "./shared/SharedMapHeader.js";
import { SharedResearchAppendix } from "./shared/SharedResearchAppendix.js";
import { useSharedMap, type SharedMap } from "./shared/useSharedMap.js";
import styles from "./SharedMapPage.module.css";

function ShareView({ map }: { map: SharedMap }) {
  const [zoom, setZoom] = useState<number>(1);
  const reading = useReadingMode();
  useDocumentTitle(map.title);
  return (
    <div className={styles.share} data-testid="shared-map">
      <SharedMapHeader title={map.title} zoom={zoom} onZoom={setZoom}>
        <ReadingModeSwitch mode={reading} />
      </SharedMapHeader>
      <div className={styles.body}>
        {reading.reading ? (
          <SnapshotReadingView snapshot={map.snapshot} catalogue={map.catalogue} />
        ) : (
          <ReadOnlyMap snapshot={map.snapshot} catalogue={map.catalogue} label={map.title} zoom={zoom} />
        )}
      </div>
      <SharedResearchAppendix tables={map.research ?? []} />
    </div>
  );
}

function EmbedView({ map, token }: { map: SharedMap; token: string }) {
  const t = useT();
  const reading = useReadingMode();
  useDocumentTitle(map.title);
  return (
    <div className={styles.share} data-testid="embedded-map">
      <div className={styles.body}>
        {reading.reading ? (
          <SnapshotReadingView snapshot={map.snapshot} catalogue={map.catalogue} />
        ) : (
          <ReadOnlyMap snapshot={map.snapshot} catalogue={map.catalogue} label={map.title} zoom={ZOOM_LEVELS[2]} />
        )}
      </div>
      <footer className={styles.embedFooter}>
        <bdi className={styles.embedTitle}>{map.title}</bdi>
        <ReadingModeSwitch mode={reading} />
        <a
          href={`/share/${encodeURIComponent(token)}`}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="open-full-map"
        >
          {t("editor.share.openFull")}
        </a>
      </footer>
    </div>
  );
}

interface PrintOptions {
  lang: string | null;
  paper: Paper;
  orientation: Orientation;
  layout: "map" | "infographic";
}

function printOptions(search: string): PrintOptions {
  const params = new URLSearchParams(search);
  const paperParam = params.get("paper");
  const paper: Paper =
    paperParam === "fit" || (paperParam !== null && paperParam in PAPERS) ? (paperParam as Paper) : "A4";
  return {
    lang: params.get("lang"),
    paper,
    orientation: params.get("orientation") === "portrait" ? "portrait" : "landscape",
    layout: params.get("layout") === "infographic" ? "infographic" : "map",
  };
}

/** The page the PDF and PNG exports print; its title, the map's name alone, is the PDF's document title. */
function PrintView({ map, options }: { map: SharedMap; options: PrintOptions }) {
  useDocumentTitle(map.title, { alone: true });
  return options.layout === "infographic" ? (
    <InfographicView map={map} paper={options.paper} />
  ) : (
    <PrintMapView map={map} paper={options.paper} orientation={options.orientation} />
  );
}

/**
 * The read-only views of a shared map: `/share/:token` (header with title, app name, zoom and language),
 * `/embed/:token` (chromeless, linking out to the share page), both read as a list of stages on phones and tablets (with a switch to the full map), and `/print/:token?lang=&paper=&orientation=` (the
 * print layout the PDF and PNG exports render; with `&layout=infographic`, the one-page infographic).
 */
export default function SharedMapPage({ token, mode }: { token: string; mode: "share" | "embed" | "print" }) {
  const options = mode === "print" ? printOptions(window.location.search) : null;
  const { locale } = useI18n();
  // The share page's research tables come worded by the server: in the reader's language, following their switcher.
  const lang = options?.lang ?? (mode === "share" ? locale : null);
  const state = useSharedMap(token, mode !== "print", lang, options?.layout);
  const content =
    state.state === "failed" ? (
      <MapLoadError error={state.error} onRetry={state.retry} shared />
    ) : state.state === "loading" ? (
      <LoadingScreen />
    ) : mode === "print" ? (
      <PrintView map={state.map} options={options!} />
    ) : mode === "embed" ? (
      <EmbedView map={state.map} token={token} />
    ) : (
      <ShareView map={state.map} />
    );
  return mode === "print" ? <LocaleOverride lang={options!.lang}>{content}</LocaleOverride> : content;
}
