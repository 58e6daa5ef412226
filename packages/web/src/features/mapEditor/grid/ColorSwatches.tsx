import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
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

const NONE = "none";

/**
 * A row of colour choices plus "no colour" inside a header's menu (Radix radio items, so arrow keys reach them like
 * the menu's other entries); the current one is checked.
 */
export function ColorSwatches({
  value,
  onPick,
}: {
  value: string | undefined;
  onPick: (color: string | null) => void;
}) {
  const t = useT();
  return (
    <DropdownMenu.RadioGroup
      aria-label={t("editor.color.label")}
      className={styles.row}
      value={value ?? NONE}
      onValueChange={(picked) => onPick(picked === NONE ? null : picked)}
    >
      {SWATCHES.map((s) => (
        <DropdownMenu.RadioItem
          key={s.value}
          value={s.value}
          className={styles.swatch}
          style={{ background: s.value }}
          aria-label={t(`editor.color.${s.name}`)}
          title={t(`editor.color.${s.name}`)}
        />
      ))}
      <DropdownMenu.RadioItem
        value={NONE}
        className={`${styles.swatch} ${styles.none}`}
        aria-label={t("editor.color.none")}
        title={t("editor.color.none")}
      />
    </DropdownMenu.RadioGroup>
  );
}
