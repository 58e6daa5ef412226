import { useId, useState } from "react";
import { useT } from "../i18n/I18nProvider.js";
import { buttonClassName } from "./Button.js";
import styles from "./FileChooser.module.css";

/**
 * A file field that speaks the UI language: the browser's own picker button and "No file chosen" stay in the
 * browser's language, so the input is hidden (still focusable and labelled) behind a button of the app's family and
 * the chosen file's name.
 */
export function FileChooser({
  label,
  accept,
  onChoose,
  testId,
}: {
  /** What the file is for ("File", "Transcript"); the input's accessible name. */
  label: string;
  accept?: string;
  onChoose: (file: File | undefined) => void;
  testId?: string;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className={styles.chooser}>
      <span className={styles.label}>{label}</span>
      <input
        id={id}
        type="file"
        className={`visually-hidden ${styles.input}`}
        accept={accept}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name ?? null);
          onChoose(file);
        }}
      />
      <label htmlFor={id} className={buttonClassName("secondary", "small")} aria-hidden="true">
        {t("common.file.choose")}
      </label>
      <bdi className={styles.name} data-testid={testId ? `${testId}-name` : undefined}>
        {name ?? t("common.file.none")}
      </bdi>
    </div>
  );
}
