import { IceInputSchema, RiceInputSchema, type Idea } from "@opencjm/core";
import type { z } from "zod";
import { useI18n } from "../../i18n/I18nProvider.js";
import { IdeaScore } from "./IdeaScore.js";
import styles from "./Ideas.module.css";

type Factor = "impact" | "confidence" | "ease" | "reach" | "effort";

/** The factors of each score in the order they are typed, with the contract's own number for each. */
const FACTORS = {
  ice: [
    ["impact", IceInputSchema.shape.impact],
    ["confidence", IceInputSchema.shape.confidence],
    ["ease", IceInputSchema.shape.ease],
  ],
  rice: [
    ["reach", RiceInputSchema.shape.reach],
    ["impact", RiceInputSchema.shape.impact],
    ["confidence", RiceInputSchema.shape.confidence],
    ["effort", RiceInputSchema.shape.effort],
  ],
} as const satisfies Record<"ice" | "rice", readonly (readonly [Factor, z.ZodNumber])[]>;

// The input's step: whole numbers where the contract wants them, quarters for RICE impact (Intercom's scale 0.25,
// 0.5, 1, 2, 3), hundredths elsewhere (a step counts from `min`, so effort's 0.01 needs steps of 0.01).
const STEP: Partial<Record<Factor, string>> = { impact: "0.25" };
const stepOf = (factor: Factor, schema: z.ZodNumber) => (schema.isInt ? "1" : (STEP[factor] ?? "0.01"));

/**
 * One score's inputs (ICE or RICE), each limited to the range the API accepts, the inputs of fields the server
 * refused marked invalid, and the stored score with its formula beside them.
 */
export function IdeaScoreFields({
  kind,
  values,
  onChange,
  disabled,
  invalid,
  errorId,
  idea,
}: {
  kind: "ice" | "rice";
  values: readonly string[];
  onChange: (values: string[]) => void;
  disabled: boolean;
  /** Paths the server named in its refusal ("ice.impact"). */
  invalid: ReadonlySet<string>;
  /** The element that says what is wrong, for the invalid inputs' description. */
  errorId: string;
  idea: Idea | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={styles.scores}>
      <legend>{t(`ideas.field.${kind}`)}</legend>
      {FACTORS[kind].map(([factor, schema], i) => {
        const wrong = invalid.has(`${kind}.${factor}`) || invalid.has(kind);
        return (
          <label key={factor}>
            {t(`ideas.field.${factor}`)}
            <input
              type="number"
              inputMode="decimal"
              min={schema.minValue ?? undefined}
              max={schema.maxValue ?? undefined}
              step={stepOf(factor, schema)}
              value={values[i]}
              disabled={disabled}
              aria-invalid={wrong || undefined}
              aria-describedby={wrong ? errorId : undefined}
              data-testid={`${kind}-${factor}`}
              onChange={(e) => onChange(values.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        );
      })}
      {idea && <IdeaScore idea={idea} kind={kind} />}
    </fieldset>
  );
}
