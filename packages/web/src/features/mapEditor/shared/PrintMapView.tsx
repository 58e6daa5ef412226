import type { MapSnapshot, PrintTable } from "@opencjm/core";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { EvidenceContext } from "../../evidence/map/EvidenceContext.js";
import { ReadOnlyMap } from "../ReadOnlyMap.js";
import { measurePrintLayout, type PrintMeasure } from "./measurePrintLayout.js";
import { measureAppendix, PrintAppendixTable, type AppendixMeasure } from "./PrintAppendix.js";
import { printEvidence } from "./printEvidence.js";
import { PrintHeader } from "./PrintHeader.js";
import {
  laneRuns,
  pageHeightPx,
  pageSizeCss,
  planPrint,
  sliceSnapshot,
  MARGIN_MM,
  type Orientation,
  type Paper,
} from "./printLayout.js";
import type { SharedMap } from "./useSharedMap.js";
import { afterLayout, markReadyAfterLayout } from "./printReady.js";
import styles from "./PrintMapView.module.css";

/** Leeway under the page's height for rounding between the measure and the printed layout. */
const SLACK_PX = 8;

/** A printed page: a part of the map, or rows [from, to) of an appendix table. */
type PrintPage =
  { kind: "map"; snapshot: MapSnapshot } | { kind: "appendix"; table: PrintTable; rows: [number, number] };

/**
 * The print layout (no chrome). On paper: the map shrunk to the paper's width down to a legible size, its columns
 * split across pages between stages, its lanes split between pages where they would run past the page's foot (never
 * inside a lane, so no card is cut), every page headed by the title, type, personas and its "page n of N" label
 * counted from the pages really made, and by the stage and step headers. With `fit` (and for the PNG): one page of
 * the whole map at its natural size. A map with data prints its data lane's figures. The PDF then prints its appendix
 * (descriptions, ideas, KPIs, and the research when the link includes it) in pages of rows that fit, counted in the same labels. Sets `<html
 * data-print-ready="true">` once laid out, which is what the PDF and PNG exports wait for.
 */
export function PrintMapView({ map, paper, orientation }: { map: SharedMap; paper: Paper; orientation: Orientation }) {
  const { dir, locale } = useI18n();
  const plan = useMemo(() => planPrint(map.snapshot, paper, orientation), [map.snapshot, paper, orientation]);
  const pageHeight = pageHeightPx(paper, orientation);
  const measureRef = useRef<HTMLElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [measure, setMeasure] = useState<PrintMeasure | undefined>(undefined);
  const appendixRef = useRef<HTMLDivElement>(null);
  const [appendixMeasure, setAppendixMeasure] = useState<AppendixMeasure[]>([]);
  // Only the PDF has an appendix: the PNG is a picture of the map.
  // The research appendix follows the other tables when the link carries it.
  const appendix = useMemo(
    () => (paper === "fit" ? [] : [...(map.appendix ?? []), ...(map.research ?? [])]),
    [map.appendix, map.research, paper],
  );
  const [fit, setFit] = useState<{ width: number; height: number } | undefined>(undefined);
  const goalStepId = useMemo(() => map.snapshot.steps.find((s) => s.goal)?.id ?? null, [map.snapshot]);
  const evidence = useMemo(
    () => (map.metrics ? printEvidence(map.metrics, goalStepId) : null),
    [map.metrics, goalStepId],
  );

  const pages = useMemo((): PrintPage[] | undefined => {
    if (pageHeight === undefined) return [{ kind: "map", snapshot: map.snapshot }];
    if (!measure) return undefined;
    const runs = laneRuns(
      measure.lanes.map((l) => l.heightPx),
      pageHeight - measure.headPx - SLACK_PX,
    ).map(([from, to]) => new Set(measure.lanes.slice(from, to).map((l) => l.id)));
    const mapPages = plan.pages.flatMap(([from, to]) =>
      runs.map((laneIds): PrintPage => ({ kind: "map", snapshot: sliceSnapshot(map.snapshot, from, to, laneIds) })),
    );
    // Each appendix table's rows in runs that fit under the page's header and the table's title and header row.
    const appendixPages = appendix.flatMap((table, i) => {
      const sizes = appendixMeasure[i];
      if (!sizes) return [];
      const capacity = pageHeight - measure.headPx - sizes.headPx - SLACK_PX;
      return laneRuns(sizes.rowsPx, capacity).map((rows): PrintPage => ({ kind: "appendix", table, rows }));
    });
    return [...mapPages, ...appendixPages];
  }, [map.snapshot, measure, plan, pageHeight, appendix, appendixMeasure]);

  // First pass on paper: the whole map on one long page, measured for the plan.
  useEffect(() => {
    delete document.documentElement.dataset.printReady;
    if (pages || !measureRef.current) return;
    return afterLayout(() => {
      if (!measureRef.current) return;
      const tables = [...(appendixRef.current?.children ?? [])] as HTMLElement[];
      setAppendixMeasure(tables.map(measureAppendix));
      setMeasure(measurePrintLayout(measureRef.current));
    });
  }, [pages]);

  // Final pass: a page still taller than the paper (one lane taller than a page) is shrunk to fit, then it is ready.
  useLayoutEffect(() => {
    if (!pages) return;
    return markReadyAfterLayout(() => {
      const root = rootRef.current;
      if (!root) return false;
      if (pageHeight !== undefined)
        for (const page of root.querySelectorAll<HTMLElement>('[data-testid="print-page"]')) {
          const height = page.getBoundingClientRect().height;
          if (height > pageHeight - 1) page.style.zoom = String((pageHeight - 1) / height);
        }
      const rect = root.getBoundingClientRect();
      const margin = (2 * MARGIN_MM * 96) / 25.4;
      if (paper === "fit") setFit({ width: rect.width + margin, height: rect.height + margin });
      return true;
    });
  }, [pages, paper, pageHeight]);

  // The measuring page carries a page label too, so its head is as tall as every real page's.
  const sheet = (content: PrintPage, key: number, page: { number: number; count: number }): ReactNode => (
    <section
      key={key}
      ref={pages ? undefined : measureRef}
      className={styles.page}
      data-testid={pages ? "print-page" : "print-measure"}
    >
      <PrintHeader title={map.title} snapshot={map.snapshot} catalogue={map.catalogue} page={page} />
      {content.kind === "map" ? (
        <ReadOnlyMap
          snapshot={content.snapshot}
          catalogue={map.catalogue}
          label={map.title}
          zoom={plan.zoom}
          variant="print"
        />
      ) : (
        <PrintAppendixTable table={content.table} rows={content.rows} />
      )}
    </section>
  );

  return (
    <EvidenceContext.Provider value={evidence}>
      <div
        ref={rootRef}
        className={`${styles.print} ${paper === "fit" ? styles.image : ""}`}
        dir={dir}
        lang={locale}
        data-testid="print-view"
        data-page-count={pages?.length}
        style={paper === "fit" ? { inlineSize: "max-content" } : { inlineSize: plan.widthPx }}
      >
        <style>{`@page { size: ${pageSizeCss(paper, orientation, fit)}; margin: ${MARGIN_MM}mm; } html, body { background: #fff; }`}</style>
        {pages
          ? pages.map((content, i) => sheet(content, i, { number: i + 1, count: pages.length }))
          : sheet({ kind: "map", snapshot: map.snapshot }, 0, { number: 1, count: 2 })}
        {!pages && appendix.length > 0 && (
          // Measured with the map, at the same width, then printed in page-sized runs of rows.
          <div ref={appendixRef} data-testid="print-appendix-measures">
            {appendix.map((table, i) => (
              <PrintAppendixTable key={i} table={table} rows={[0, table.rows.length]} measured />
            ))}
          </div>
        )}
      </div>
    </EvidenceContext.Provider>
  );
}
