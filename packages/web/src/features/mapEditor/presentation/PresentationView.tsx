import type { MapSnapshot } from "@opencjm/core";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "../../../app/Button.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { useShownMetrics } from "../../evidence/map/EvidenceContext.js";
import { ReadOnlyMap } from "../ReadOnlyMap.js";
import { buildStructure } from "../store/buildStructure.js";
import { presentationSlides, type PresentationMode } from "./presentationSlides.js";
import { usePresentationKeys } from "./usePresentationKeys.js";
import { useSlideFit } from "./useSlideFit.js";
import styles from "./PresentationView.module.css";

/**
 * The map presented full screen, without any editing chrome and without empty lanes: a stage at a time or the whole
 * map. The arrow keys, Page Up/Page Down (what presentation clickers send), Space, Home and End move between
 * stages; Escape (or leaving full screen) ends it.
 */
export function PresentationView({
  snapshot,
  catalogue,
  onClose,
}: {
  snapshot: MapSnapshot;
  catalogue: CellCatalogue;
  onClose: () => void;
}) {
  const { t, dir, locale } = useI18n();
  const [mode, setMode] = useState<PresentationMode>("stages");
  const withData = useShownMetrics() !== null;
  const slides = useMemo(() => presentationSlides(snapshot, mode, withData), [snapshot, mode, withData]);
  const [index, setIndex] = useState(0);
  const at = Math.min(index, Math.max(0, slides.length - 1));
  const slide = slides[at];
  const rootRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLElement>(null);
  const columns = useMemo(
    () => (slide ? buildStructure(slide.snapshot.stages, slide.snapshot.steps, slide.snapshot.lanes).slots.length : 1),
    [slide],
  );
  // Each slide fills the screen across or down, whichever it reaches first, so its last lane is never below the fold.
  const zoom = useSlideFit(areaRef, columns, `${mode}:${at}`);
  const move = useCallback(
    (delta: number | "first" | "last") =>
      setIndex((i) =>
        delta === "first"
          ? 0
          : delta === "last"
            ? slides.length - 1
            : Math.max(0, Math.min(slides.length - 1, Math.min(i, slides.length - 1) + delta)),
      ),
    [slides.length],
  );
  usePresentationKeys({ dir, move, leave: onClose });

  // Focus goes back to what had it before (the Present button) once the presentation ends, not to the page.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  // Full screen where the browser allows it; leaving full screen (the browser's own Escape) ends the presentation.
  useEffect(() => {
    const root = rootRef.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === root) entered = true;
      else if (entered) onClose();
    };
    document.addEventListener("fullscreenchange", onChange);
    root?.focus();
    root?.requestFullscreen?.().catch(() => undefined);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onClose]);

  const stage = slide?.stageId ? slide.snapshot.stages[0] : undefined;
  return (
    <div
      ref={rootRef}
      className={styles.presentation}
      role="dialog"
      aria-modal="true"
      aria-label={t("presentation.label", { title: snapshot.settings.title })}
      dir={dir}
      lang={locale}
      tabIndex={-1}
      data-testid="presentation"
      data-mode={mode}
      data-stage-id={slide?.stageId ?? undefined}
    >
      <header className={styles.bar}>
        <h1 className={styles.title} dir="auto">
          {snapshot.settings.title}
        </h1>
        <p className={styles.where} role="status" data-testid="presentation-where">
          {slide === undefined
            ? t("presentation.empty")
            : stage
              ? t("presentation.stageOf", { index: at + 1, count: slides.length, name: stage.name })
              : t("presentation.wholeMap")}
        </p>
        <span className={styles.spacer} />
        <div role="group" aria-label={t("presentation.mode")} className={styles.modes}>
          {(["stages", "whole"] as const).map((m) => (
            <Button
              key={m}
              size="small"
              variant={mode === m ? "primary" : "secondary"}
              aria-pressed={mode === m}
              onClick={() => (setMode(m), setIndex(0))}
              data-testid={`presentation-mode-${m}`}
            >
              {t(`presentation.mode.${m}`)}
            </Button>
          ))}
        </div>
        <Button
          size="small"
          variant="ghost"
          onClick={() => move(-1)}
          disabled={at === 0}
          aria-label={t("presentation.previous")}
          title={t("presentation.previous")}
        >
          {dir === "rtl" ? <ChevronRight size={18} aria-hidden="true" /> : <ChevronLeft size={18} aria-hidden="true" />}
        </Button>
        <Button
          size="small"
          variant="ghost"
          onClick={() => move(1)}
          disabled={at >= slides.length - 1}
          aria-label={t("presentation.next")}
          title={t("presentation.next")}
        >
          {dir === "rtl" ? <ChevronLeft size={18} aria-hidden="true" /> : <ChevronRight size={18} aria-hidden="true" />}
        </Button>
        <Button size="small" variant="ghost" onClick={onClose} data-testid="presentation-leave">
          <X size={16} aria-hidden="true" /> {t("presentation.leave")}
        </Button>
      </header>
      {stage && <div className={styles.band} style={{ background: stage.color ?? "var(--border-strong)" }} />}
      <main ref={areaRef} className={styles.stageArea} data-zoom={zoom.toFixed(2)}>
        {slide && (
          <ReadOnlyMap
            key={`${mode}:${at}`}
            snapshot={slide.snapshot}
            catalogue={catalogue}
            label={snapshot.settings.title}
            zoom={zoom}
          />
        )}
      </main>
      <p className={styles.hint}>{t("presentation.keys")}</p>
    </div>
  );
}
