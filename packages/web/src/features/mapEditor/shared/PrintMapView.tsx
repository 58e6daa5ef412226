import { useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ReadOnlyMap } from "../ReadOnlyMap.js";
import { pageSizeCss, planPrint, sliceSnapshot, MARGIN_MM, type Orientation, type Paper } from "./printLayout.js";
import type { SharedMap } from "./useSharedMap.js";
import styles from "./PrintMapView.module.css";

/**
 * The print layout (no chrome): the map shrunk to the paper down to a legible size, split across pages beyond that,
 * each page titled. Sets `<html data-print-ready="true">` once fonts are loaded and the map is laid out, which is what
 * the PDF and PNG exports wait for.
 */
export function PrintMapView({ map, paper, orientation }: { map: SharedMap; paper: Paper; orientation: Orientation }) {
  const { t, dir, locale } = useI18n();
  const plan = useMemo(() => planPrint(map.snapshot, paper, orientation), [map.snapshot, paper, orientation]);
  const pages = useMemo(
    () =>
      plan.pages.map(([from, to]) => (plan.pages.length === 1 ? map.snapshot : sliceSnapshot(map.snapshot, from, to))),
    [plan, map.snapshot],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ width: number; height: number } | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    delete document.documentElement.dataset.printReady;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (cancelled || !rootRef.current) return;
        const rect = rootRef.current.getBoundingClientRect();
        const margin = (2 * MARGIN_MM * 96) / 25.4;
        if (paper === "fit") setFit({ width: rect.width + margin, height: rect.height + margin });
        requestAnimationFrame(() => {
          if (!cancelled) document.documentElement.dataset.printReady = "true";
        });
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [pages, paper]);

  return (
    <div
      ref={rootRef}
      className={styles.print}
      dir={dir}
      lang={locale}
      data-testid="print-view"
      style={paper === "fit" ? { inlineSize: "max-content" } : { inlineSize: plan.widthPx }}
    >
      <style>{`@page { size: ${pageSizeCss(paper, orientation, fit)}; margin: ${MARGIN_MM}mm; } html, body { background: #fff; }`}</style>
      {pages.map((snapshot, i) => (
        <section key={i} className={styles.page} data-testid="print-page">
          <h1 className={styles.title}>
            <bdi>{map.title}</bdi>
            {pages.length > 1 && (
              <span className={styles.pageNo}>{t("editor.share.page", { page: i + 1, pages: pages.length })}</span>
            )}
          </h1>
          <ReadOnlyMap
            snapshot={snapshot}
            catalogue={map.catalogue}
            label={map.title}
            zoom={plan.zoom}
            variant="print"
          />
        </section>
      ))}
    </div>
  );
}
