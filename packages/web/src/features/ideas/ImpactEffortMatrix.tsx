import { matrixQuadrant, type Idea, type MatrixPosition } from "@opencjm/core";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./ImpactEffortMatrix.module.css";

const STEP = 0.1;
const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;

/**
 * The impact/effort matrix: impact up, effort along the reading direction (mirrored in Persian), four quadrants.
 * Ideas are dragged with the pointer, or focused and moved with the arrow keys; each move is handed to `onMove`.
 */
export function ImpactEffortMatrix({
  ideas,
  onMove,
  readOnly = false,
}: {
  ideas: readonly Idea[];
  onMove: (ideaId: string, position: MatrixPosition) => void;
  readOnly?: boolean;
}) {
  const { t, dir } = useI18n();
  const area = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ ideaId: string; position: MatrixPosition } | null>(null);
  const placed = ideas.filter((idea) => idea.matrix !== null);
  const unplaced = ideas.filter((idea) => idea.matrix === null);

  const positionAt = (event: PointerEvent): MatrixPosition | null => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return null;
    const along = (event.clientX - box.left) / box.width;
    return {
      impact: clamp(1 - (event.clientY - box.top) / box.height),
      effort: clamp(dir === "rtl" ? 1 - along : along),
    };
  };
  const handleKey = (idea: Idea, event: KeyboardEvent) => {
    const from = idea.matrix ?? { impact: 0.5, effort: 0.5 };
    const forward = dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = dir === "rtl" ? "ArrowRight" : "ArrowLeft";
    const moves: Record<string, MatrixPosition> = {
      ArrowUp: { ...from, impact: clamp(from.impact + STEP) },
      ArrowDown: { ...from, impact: clamp(from.impact - STEP) },
      [forward]: { ...from, effort: clamp(from.effort + STEP) },
      [backward]: { ...from, effort: clamp(from.effort - STEP) },
    };
    const next = moves[event.key];
    if (!next || readOnly) return;
    event.preventDefault();
    onMove(idea.id, next);
  };
  const describe = (idea: Idea, position: MatrixPosition) =>
    t("ideas.matrix.position", {
      title: idea.title,
      impact: Math.round(position.impact * 100),
      effort: Math.round(position.effort * 100),
      quadrant: t(`vocabulary.matrixQuadrant.${matrixQuadrant(position)}`),
    });

  return (
    <section className={styles.matrix} aria-labelledby="idea-matrix-title" data-testid="idea-matrix">
      <h2 id="idea-matrix-title">{t("ideas.matrix.title")}</h2>
      <p className={styles.help}>{t("ideas.matrix.help")}</p>
      <div className={styles.frame}>
        <span className={styles.yAxis}>{t("ideas.matrix.impact")} ↑</span>
        <div ref={area} className={styles.area} data-testid="idea-matrix-area">
          <span className={`${styles.quadrant} ${styles.topStart}`}>{t("vocabulary.matrixQuadrant.quickWin")}</span>
          <span className={`${styles.quadrant} ${styles.topEnd}`}>{t("vocabulary.matrixQuadrant.bigBet")}</span>
          <span className={`${styles.quadrant} ${styles.bottomStart}`}>{t("vocabulary.matrixQuadrant.fillIn")}</span>
          <span className={`${styles.quadrant} ${styles.bottomEnd}`}>{t("vocabulary.matrixQuadrant.moneyPit")}</span>
          {placed.map((idea) => {
            const position = dragging?.ideaId === idea.id ? dragging.position : idea.matrix!;
            return (
              <button
                key={idea.id}
                type="button"
                className={styles.dot}
                style={{ insetInlineStart: `${position.effort * 100}%`, insetBlockEnd: `${position.impact * 100}%` }}
                aria-label={describe(idea, position)}
                title={describe(idea, position)}
                data-testid="matrix-idea"
                data-idea-id={idea.id}
                data-quadrant={matrixQuadrant(position)}
                disabled={readOnly}
                onKeyDown={(event) => handleKey(idea, event)}
                onPointerDown={(event) => {
                  if (readOnly) return;
                  event.currentTarget.setPointerCapture?.(event.pointerId);
                  setDragging({ ideaId: idea.id, position });
                }}
                onPointerMove={(event) => {
                  if (dragging?.ideaId !== idea.id) return;
                  const next = positionAt(event);
                  if (next) setDragging({ ideaId: idea.id, position: next });
                }}
                onPointerUp={(event) => {
                  if (dragging?.ideaId !== idea.id) return;
                  const next = positionAt(event) ?? dragging.position;
                  setDragging(null);
                  if (next.impact !== idea.matrix!.impact || next.effort !== idea.matrix!.effort) onMove(idea.id, next);
                }}
              >
                <bdi>{idea.title}</bdi>
              </button>
            );
          })}
        </div>
        <span className={styles.xAxis}>{t("ideas.matrix.effort")} →</span>
      </div>
      {unplaced.length > 0 && (
        <div className={styles.unplaced}>
          <h3>{t("ideas.matrix.unplaced")}</h3>
          <ul>
            {unplaced.map((idea) => (
              <li key={idea.id}>
                <bdi>{idea.title}</bdi>{" "}
                {!readOnly && (
                  <Button size="small" onClick={() => onMove(idea.id, { impact: 0.5, effort: 0.5 })}>
                    {t("ideas.matrix.place")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
