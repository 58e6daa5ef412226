import type { GuessNote } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./DataSources.module.css";

/**
 * What the mapping guess wants the user to know (a second identifier-like column kept as a property, another date
 * column set aside), worded in their language from the notes' codes. The time column is checked on the mapping the
 * user has chosen (ConstantTimeWarning), so the guess's own time note is not repeated here.
 */
export function GuessNotes({ notes }: { notes: readonly GuessNote[] }) {
  const { t, formatNumber } = useI18n();
  const shown = notes.filter((n) => n.code !== "constantTime");
  if (shown.length === 0) return null;
  const value = (v: string | number) => (typeof v === "number" ? formatNumber(v) : v);
  return (
    <div className={styles.muted} data-testid="guess-notes">
      <p>{t("evidence.mapping.guessNotes")}</p>
      <ul>
        {shown.map((note, i) => (
          <li key={i}>
            <bdi>
              {t(
                `vocabulary.guessNote.${note.code}`,
                Object.fromEntries(Object.entries(note.values).map(([k, v]) => [k, value(v)])),
              )}
            </bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
