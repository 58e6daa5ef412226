import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./ColorSwatches.module.css";

/** The colours offered for stages and lanes: calm, distinct, and readable behind dark text when tinted. */
export const SWATCHES = [
  { name: "blue", value: "#2d5fb8" },
  { name: "teal", value: "#0f7b8a" },
  { name: "green", value: "#2f855a" },
  { name: "yellow", value: "#b7791f" },
  { name: "orange", value: "#c2571a" },
  { name: "red", value: "#c0392b" },
  { name: "pink", value: "#b8336a" },
  { name: "purple", value: "#6b46c1" },
] as const;

/** A row of colour choices plus "no colour"; the current one is marked. */
export function ColorSwatches({
  value,
  onPick,
}: {
  value: string | undefined;
  onPick: (color: string | null) => void;
}) {
  const t = useT();
  return (
    <div role="group" aria-label={t("editor.color.label")} className={styles.row}>
      {SWATCHES.map((s) => (
        <button
          key={s.value}
          type="button"
          className={styles.swatch}
          style={{ background: s.value }}
          aria-label={t(`editor.color.${s.name}`)}
          aria-pressed={value === s.value}
          title={t(`editor.color.${s.name}`)}
          onClick={() => onPick(s.value)}
        />
      ))}
      <button
        type="button"
        className={`${styles.swatch} ${styles.none}`}
        aria-label={t("editor.color.none")}
        aria-pressed={!value}
        title={t("editor.color.none")}
        onClick={() => onPick(null)}
      />
    </div>
  );
}
