import type { EmotionScale, Step } from "@opencjm/core";
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import type { EmotionIndex } from "../store/MapView.js";
import { EmotionFace } from "./EmotionFace.js";
import type { EmotionPersona } from "./EmotionPersona.js";
import { emotionMood, MOOD_LABEL_KEYS } from "./emotionMood.js";
import { curvePath, snapEmotion, type EmotionGeometry } from "./emotionGeometry.js";
import styles from "./EmotionCurve.module.css";

interface Props {
  geometry: EmotionGeometry;
  scale: EmotionScale;
  steps: readonly Step[];
  personas: readonly EmotionPersona[];
  emotions: EmotionIndex;
  /** The persona new points are added for (hollow "ghost" points at steps it has no value for). */
  activePersonaId: string | undefined;
  /** Sets or clears a point; undefined in read-only views. */
  onChange?: (personaId: string, stepId: string, value: number | null) => void;
  /** Opens the step's emotion editor (typing a value). */
  onOpenEditor?: (stepId: string) => void;
  /** Marks the end of a gesture (a drag), so it is undone as one step and apart from what follows. */
  onGestureEnd?: () => void;
}

/**
 * The emotion curves of the map's personas across the steps, on the map's scale, over a green (good) and a red (bad)
 * half, each point a face for its mood; the scale's numbers and faces stand in the lane's sticky title (EmotionAxis), so they stay while scrolling. Points can be dragged (snapping to
 * half steps), nudged with the arrow keys once focused, or cleared with Delete; ghost points add the active persona's.
 */
export function EmotionCurve({
  geometry,
  scale,
  steps,
  personas,
  emotions,
  activePersonaId,
  onChange,
  onOpenEditor,
  onGestureEnd,
}: Props) {
  const { t, formatNumber } = useI18n();
  const svgRef = useRef<SVGSVGElement>(null);
  const editable = !!onChange;
  // Each point is its mood's face (the infographic's and the phone view's), ringed in the persona's colour. It keeps
  // its size in pixels at every zoom, as the grid redraws the lane at the zoomed size rather than scaling it.
  const face = 18;
  const r = face / 2 + 2;

  // The grid may be zoomed: pointer pixels are converted by the drawing's on-screen size, whatever the zoom.
  const valueFromPointer = (clientY: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return geometry.valueAt((clientY - rect.top) * (geometry.height / (rect.height || geometry.height)));
  };
  // Window listeners, not pointer capture: the dragged circle may be re-created (a ghost becoming a point) mid-drag.
  const startDrag = (e: PointerEvent<SVGCircleElement>, personaId: string, stepId: string) => {
    if (!onChange || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.focus();
    const drag = { value: null as number | null };
    onGestureEnd?.();
    const move = (clientY: number) => {
      const value = valueFromPointer(clientY);
      if (value === drag.value) return;
      drag.value = value;
      onChange(personaId, stepId, value);
    };
    const onMove = (ev: globalThis.PointerEvent) => move(ev.clientY);
    const onUp = () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onUp);
      onGestureEnd?.();
      // Keep keyboard nudges working on the point that now stands where the drag ended.
      requestAnimationFrame(() =>
        svgRef.current
          ?.querySelector<SVGElement>(
            `[data-testid=emotion-point][data-persona-id="${personaId}"][data-step-id="${stepId}"]`,
          )
          ?.focus(),
      );
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onUp);
    move(e.clientY);
  };
  const onKeyDown = (e: KeyboardEvent<SVGCircleElement>, personaId: string, stepId: string, value: number) => {
    if (!onChange) return;
    const step = e.shiftKey ? 1 : 0.5;
    let next: number | null | undefined;
    if (e.key === "ArrowUp") next = snapEmotion(value + step, scale);
    else if (e.key === "ArrowDown") next = snapEmotion(value - step, scale);
    else if (e.key === "Home") next = scale.max;
    else if (e.key === "End") next = scale.min;
    else if (e.key === "Delete" || e.key === "Backspace") next = null;
    else if (e.key === "Enter" || /^[-\d]$/.test(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      onOpenEditor?.(stepId);
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    if (next !== value) onChange(personaId, stepId, next);
  };

  // Zero splits good from bad when the scale has it (−2…2); otherwise its middle does (1…10).
  const middle = scale.min < 0 && scale.max > 0 ? 0 : (scale.min + scale.max) / 2;
  const ticks: number[] = [];
  for (let v = Math.ceil(scale.min); v <= scale.max; v++) ticks.push(v);
  const stepName = new Map(steps.map((s) => [s.id, s.name]));

  return (
    <svg
      ref={svgRef}
      className={styles.curve}
      width={geometry.width}
      height={geometry.height}
      role="group"
      aria-label={t("editor.emotion.curveLabel")}
      data-testid="emotion-curve"
    >
      {/* The good half of the scale tinted green, the bad half red: where the journey hurts shows at a glance. */}
      <rect
        x={0}
        y={geometry.y(scale.max)}
        width={geometry.width}
        height={Math.max(0, geometry.y(middle) - geometry.y(scale.max))}
        className={styles.positive}
        data-testid="emotion-positive-zone"
      />
      <rect
        x={0}
        y={geometry.y(middle)}
        width={geometry.width}
        height={Math.max(0, geometry.y(scale.min) - geometry.y(middle))}
        className={styles.negative}
        data-testid="emotion-negative-zone"
      />
      {ticks.map((v) => (
        <line
          key={v}
          x1={0}
          x2={geometry.width}
          y1={geometry.y(v)}
          y2={geometry.y(v)}
          className={v === middle ? styles.zero : styles.tick}
        />
      ))}
      {personas.map((persona) => {
        const points = steps.flatMap((s) => {
          const e = emotions.get(persona.id)?.get(s.id);
          const x = geometry.x(s.id);
          return e && x !== undefined
            ? [{ stepId: s.id, x, y: geometry.y(e.value), value: e.value, note: e.note }]
            : [];
        });
        return (
          <g key={persona.id} data-persona-id={persona.id}>
            <path d={curvePath(points)} className={styles.line} style={{ stroke: persona.color, strokeWidth: 3 }} />
            {points.map((p) => {
              const mood = emotionMood(p.value, scale);
              const valueText = t("editor.emotion.pointValue", {
                value: formatNumber(p.value),
                mood: t(MOOD_LABEL_KEYS[mood]),
              });
              const label = t("editor.emotion.pointLabel", {
                persona: persona.name,
                step: stepName.get(p.stepId) ?? "",
              });
              return (
                <g key={p.stepId}>
                  <circle
                    cx={p.x}
                    cy={p.y}
                    r={r}
                    className={editable ? styles.point : styles.pointStatic}
                    style={{ fill: persona.color }}
                    role="slider"
                    tabIndex={editable ? -1 : undefined}
                    aria-label={label}
                    aria-valuemin={scale.min}
                    aria-valuemax={scale.max}
                    aria-valuenow={p.value}
                    aria-valuetext={valueText}
                    aria-readonly={!editable || undefined}
                    data-testid="emotion-point"
                    data-persona-id={persona.id}
                    data-step-id={p.stepId}
                    data-value={p.value}
                    onPointerDown={(e) => startDrag(e, persona.id, p.stepId)}
                    onKeyDown={(e) => onKeyDown(e, persona.id, p.stepId, p.value)}
                  >
                    <title>{`${label}: ${valueText}${p.note ? ` — ${p.note}` : ""}`}</title>
                  </circle>
                  {/* Drawn over its point and let through to it: dragging and focus stay on the circle. */}
                  <EmotionFace mood={mood} size={face} x={p.x - face / 2} y={p.y - face / 2} />
                </g>
              );
            })}
            {editable &&
              persona.id === activePersonaId &&
              steps.map((s) => {
                const x = geometry.x(s.id);
                if (x === undefined || emotions.get(persona.id)?.has(s.id)) return null;
                return (
                  <circle
                    key={`ghost-${s.id}`}
                    cx={x}
                    cy={geometry.y(snapEmotion((scale.min + scale.max) / 2, scale))}
                    r={r}
                    className={styles.ghost}
                    style={{ stroke: persona.color }}
                    data-testid="emotion-ghost"
                    data-persona-id={persona.id}
                    data-step-id={s.id}
                    aria-hidden="true"
                    onPointerDown={(e) => startDrag(e, persona.id, s.id)}
                  />
                );
              })}
          </g>
        );
      })}
    </svg>
  );
}
