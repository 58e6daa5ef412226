import { useEffect, useState } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./TitleField.module.css";

/** How wide the title may ask the bar to make it, in pixels: beyond that it gives way (ellipsis) before the tools do. */
const TITLE_FIT_PX = 320;

/** The map title, edited in place: Enter or leaving the field saves, Escape restores; read-only for viewers. */
export function TitleField({
  title,
  readOnly,
  onRename,
}: {
  title: string;
  readOnly: boolean;
  onRename: (title: string) => boolean;
}) {
  const t = useT();
  const [draft, setDraft] = useState(title);
  const [focused, setFocused] = useState(false);
  // A collaborator's rename shows up unless this user is typing a new title.
  useEffect(() => {
    if (!focused) setDraft(title);
  }, [title, focused]);
  if (readOnly)
    return (
      <h1
        className={styles.title}
        dir="auto"
        data-testid="map-title"
        title={title}
        data-fit
        data-fit-up-to={TITLE_FIT_PX}
      >
        {title}
      </h1>
    );
  const commit = () => {
    const next = draft.trim();
    if (!next || next === title || !onRename(next)) setDraft(title);
  };
  return (
    <input
      className={`${styles.title} ${styles.input}`}
      aria-label={t("editor.title.label")}
      data-testid="map-title"
      data-fit
      data-fit-up-to={TITLE_FIT_PX}
      title={draft}
      dir="auto"
      maxLength={200}
      value={draft}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") {
          setDraft(title);
          requestAnimationFrame(() => (e.target as HTMLInputElement).blur());
        }
      }}
    />
  );
}
