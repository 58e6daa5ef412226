import { Plus } from "lucide-react";
import { useEffect, useId, useState, type ReactNode } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import { CELL_FIELD_ATTRIBUTE } from "./CellEditingContext.js";
import { isPlainEnter } from "./enterKey.js";
import styles from "./SearchPicker.module.css";

/** One choice of a picker. */
export interface PickerItem {
  key: string;
  /** What the search matches against (name, channel…). */
  searchText: string;
  content: ReactNode;
}

/** Case- and accent-insensitive text for matching in every script. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

/**
 * A searchable list (ARIA combobox): type to filter, ↑/↓ to move, Enter to pick; optionally a last entry that
 * creates a new item from the search text. Escape clears the search first, and leaves edit mode when it is empty.
 */
export function SearchPicker({
  items,
  label,
  onPick,
  onCreate,
  createLabel,
  autoFocus,
}: {
  items: readonly PickerItem[];
  label: string;
  onPick: (key: string) => void;
  onCreate?: (query: string) => void;
  createLabel?: (query: string) => string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const folded = fold(query.trim());
  const shown = folded ? items.filter((item) => fold(item.searchText).includes(folded)) : items;
  const canCreate = Boolean(onCreate && query.trim() !== "" && !items.some((i) => fold(i.searchText) === folded));
  const count = shown.length + (canCreate ? 1 : 0);
  const current = Math.min(active, Math.max(0, count - 1));
  const choose = (index: number) => {
    if (index < shown.length) {
      onPick(shown[index]!.key);
      setQuery("");
      setActive(0);
    } else if (canCreate) onCreate!(query.trim());
  };
  const optionId = (index: number) => `${listId}-${index}`;
  // Keep the highlighted entry visible while ↑/↓ walk a long catalogue.
  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView?.({ block: "nearest" });
  }, [listId, current]);
  return (
    <div className={styles.picker}>
      <input
        {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
        className={styles.search}
        role="combobox"
        aria-label={label}
        placeholder={label}
        aria-expanded={count > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={count > 0 ? optionId(current) : undefined}
        autoFocus={autoFocus}
        dir="auto"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (count > 0) setActive((current + (e.key === "ArrowDown" ? 1 : count - 1)) % count);
          } else if (isPlainEnter(e)) {
            e.preventDefault();
            if (count > 0) choose(current);
          } else if (e.key === "Escape" && query !== "") {
            e.stopPropagation();
            setQuery("");
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className={styles.list}>
        {shown.map((item, index) => (
          <li
            key={item.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={styles.option}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
          >
            {item.content}
          </li>
        ))}
        {canCreate && (
          <li
            id={optionId(shown.length)}
            role="option"
            aria-selected={current === shown.length}
            className={`${styles.option} ${styles.create}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(shown.length)}
          >
            <Plus size={12} aria-hidden="true" />
            <bdi>{createLabel ? createLabel(query.trim()) : query.trim()}</bdi>
          </li>
        )}
        {count === 0 && <li className={styles.none}>{t("cells.picker.noMatch")}</li>}
      </ul>
    </div>
  );
}
