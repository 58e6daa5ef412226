import type { Infographic } from "@opencjm/core";
import { useLayoutEffect, useMemo, useRef, type CSSProperties } from "react";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { PersonaAvatar } from "../../personas/PersonaAvatar.js";
import { PAPERS, type Paper } from "../shared/printLayout.js";
import { markReadyAfterLayout } from "../shared/printReady.js";
import type { SharedMap } from "../shared/useSharedMap.js";
import { InfographicCurve } from "./InfographicCurve.js";
import { InfographicLists, InfographicNumbers } from "./InfographicPanels.js";
import styles from "./InfographicView.module.css";

/** Stage colours for stages without one of their own, soft enough for dark text beside them. */
const STAGE_FALLBACKS = ["#4c6ef5", "#12b886", "#fab005", "#fa5252", "#7950f2", "#15aabf", "#82c91e", "#fd7e14"];

const EMPTY: Infographic = { pains: [], opportunities: [], ideas: [], numbers: null, measuredEmotion: [] };

/**
 * The one-page infographic the infographic exports print: one landscape sheet of the chosen paper (A4 unless Letter
 * or A3 is asked for) holding the map's title and persona, its stages as a coloured band, the emotion curve (assumed,
 * and measured when the map has data) with faces, the top pain points and opportunities with the best ideas, and the
 * key numbers of its customer data. Everything on it comes from the map and the server's summary (aggregates only).
 * Content taller than the sheet is scaled down to fit, so the PDF is always exactly one page. Sets `<html
 * data-print-ready="true">` once laid out.
 */
export function InfographicView({ map, paper }: { map: SharedMap; paper: Paper }) {
  const { t, dir, locale } = useI18n();
  const { snapshot } = map;
  const summary = map.infographic ?? EMPTY;
  const [short, long] = PAPERS[paper === "fit" ? "A4" : paper];
  const sheetRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const steps = useMemo(
    () => snapshot.stages.flatMap((stage) => snapshot.steps.filter((step) => step.stageId === stage.id)),
    [snapshot],
  );
  const personaId = snapshot.settings.personaIds[0] ?? snapshot.emotions[0]?.personaId;
  const persona = personaId ? map.catalogue.personas.get(personaId) : undefined;
  const goal = persona?.goals[0] ?? snapshot.settings.goal;

  useLayoutEffect(() => {
    delete document.documentElement.dataset.printReady;
    return markReadyAfterLayout(() => {
      const sheet = sheetRef.current;
      const body = bodyRef.current;
      if (!sheet || !body) return false;
      // Long words or many steps may need more room than the sheet has: shrink the whole page rather than spill.
      const room = sheet.clientHeight;
      const needed = body.scrollHeight;
      if (needed > room) body.style.zoom = String(room / needed);
      return true;
    });
  }, [map]);

  return (
    <div
      ref={sheetRef}
      className={styles.sheet}
      dir={dir}
      lang={locale}
      data-testid="print-view"
      data-layout="infographic"
      style={{ inlineSize: `${long}mm`, blockSize: `${short}mm` }}
    >
      <style>{`@page { size: ${long}mm ${short}mm; margin: 0; } html, body { background: #fff; margin: 0; }`}</style>
      <div ref={bodyRef} className={styles.body}>
        <header className={styles.head} data-testid="infographic-header">
          <div className={styles.titleBlock}>
            <h1 className={styles.title}>
              <bdi>{map.title}</bdi>
            </h1>
            <p className={styles.mapType}>{t(`vocabulary.mapType.${snapshot.settings.type}`)}</p>
          </div>
          {persona && (
            <div className={styles.persona} data-testid="infographic-persona">
              <PersonaAvatar
                name={persona.name}
                photoUrl={persona.photoUrl}
                avatarSeed={persona.avatarSeed}
                size={64}
              />
              <div className={styles.personaText}>
                <p className={styles.personaName}>
                  <span className={styles.personaRole}>{t("vocabulary.persona")}</span> <bdi>{persona.name}</bdi>
                </p>
                {goal && (
                  <p className={styles.personaGoal}>
                    <span className={styles.personaRole}>{t("infographic.goal")}</span> <bdi>{goal}</bdi>
                  </p>
                )}
                {persona.quote && (
                  <blockquote className={styles.quote}>
                    <bdi>{persona.quote}</bdi>
                  </blockquote>
                )}
              </div>
            </div>
          )}
        </header>
        <section className={styles.journey} aria-label={t("infographic.stages")}>
          <ol className={styles.band} data-testid="infographic-stages">
            {snapshot.stages.map((stage, i) => {
              const count = steps.filter((s) => s.stageId === stage.id).length;
              // Each stage is as wide as its steps' columns of the curve beneath; a stage without steps has none.
              if (steps.length > 0 && count === 0) return null;
              const color = stage.color ?? STAGE_FALLBACKS[i % STAGE_FALLBACKS.length]!;
              return (
                <li
                  key={stage.id}
                  className={styles.stage}
                  style={{ flexGrow: Math.max(1, count), "--stage-color": color } as CSSProperties}
                >
                  <bdi className={styles.stageName}>{stage.name}</bdi>
                </li>
              );
            })}
          </ol>
          {steps.length > 0 && (
            <InfographicCurve snapshot={snapshot} steps={steps} measured={summary.measuredEmotion} />
          )}
        </section>
        <div className={`${styles.panels} ${summary.numbers ? styles.withNumbers : ""}`}>
          <InfographicLists summary={summary} />
          {summary.numbers && <InfographicNumbers numbers={summary.numbers} />}
        </div>
        <footer className={styles.foot}>{t("infographic.madeWith")}</footer>
      </div>
    </div>
  );
}
