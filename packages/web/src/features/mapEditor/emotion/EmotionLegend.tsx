import type { EmotionScale } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { PersonaAvatar } from "../../personas/PersonaAvatar.js";
import type { EmotionPersona } from "./EmotionPersona.js";
import styles from "./EmotionLegend.module.css";

/** The persona's photo (or avatar) ringed in its line colour, above the colour's swatch. */
function PersonaMark({ persona }: { persona: EmotionPersona }) {
  return (
    <span className={styles.mark} aria-hidden="true" data-testid="emotion-persona-photo">
      <span className={styles.photo} style={{ borderColor: persona.color }}>
        <PersonaAvatar name={persona.name} photoUrl={persona.photoUrl} avatarSeed={persona.avatarSeed} size={24} />
      </span>
      <span className={styles.swatch} style={{ background: persona.color }} />
    </span>
  );
}

/**
 * The emotion lane's legend: the scale with its labels, each persona's line colour (pick one to add its points), and
 * while data or participants' journeys are shown, which line is assumed (solid), which measured (dashed) and which
 * band is research (participants' own emotions).
 */
export function EmotionLegend({
  personas,
  activeId,
  scale,
  onPick,
  measured = false,
  research = false,
}: {
  personas: readonly EmotionPersona[];
  activeId: string | undefined;
  scale: EmotionScale;
  onPick?: (personaId: string) => void;
  /** True while the measured curve is drawn too: the legend then tells the assumed lines from the measured one. */
  measured?: boolean;
  /** True while participants' emotions are drawn as a band: the legend then names it "research". */
  research?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <div className={styles.legend} data-testid="emotion-legend">
      {(scale.maxLabel || scale.minLabel) && (
        <dl className={styles.scale}>
          {scale.maxLabel && (
            <div>
              <dt>
                <bdi>{formatNumber(scale.max)}</bdi>
              </dt>
              <dd dir="auto">{scale.maxLabel}</dd>
            </div>
          )}
          {scale.minLabel && (
            <div>
              <dt>
                <bdi>{formatNumber(scale.min)}</bdi>
              </dt>
              <dd dir="auto">{scale.minLabel}</dd>
            </div>
          )}
        </dl>
      )}
      <ul className={styles.personas} aria-label={t("editor.emotion.personas")}>
        {personas.map((p) => (
          <li key={p.id}>
            {onPick ? (
              <button
                type="button"
                tabIndex={-1}
                aria-pressed={p.id === activeId}
                className={styles.persona}
                onClick={() => onPick(p.id)}
                title={t("editor.emotion.pickPersona")}
              >
                <PersonaMark persona={p} />
                <bdi>{p.name}</bdi>
              </button>
            ) : (
              <span className={styles.persona}>
                <PersonaMark persona={p} />
                <bdi>{p.name}</bdi>
              </span>
            )}
          </li>
        ))}
      </ul>
      {(measured || research) && (
        <ul className={styles.kinds} aria-label={t("editor.emotion.curveKinds")} data-testid="emotion-curve-kinds">
          <li>
            <span className={styles.solid} aria-hidden="true" />
            {t("editor.emotion.assumed")}
          </li>
          {measured && (
            <li>
              <span className={styles.dashed} aria-hidden="true" />
              {t("editor.emotion.measured")}
            </li>
          )}
          {research && (
            <li data-testid="emotion-kind-research">
              <span className={styles.band} aria-hidden="true" />
              {t("researchJourneys.band.legend")}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
