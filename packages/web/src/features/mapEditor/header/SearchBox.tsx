import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import type { SearchMatches } from "../grid/SearchMatches.js";
import { TOPIC, type MapView } from "../store/MapView.js";

function cellOrder(view: MapView): (key: string) => number {
  const { lanes, steps } = view.getStructure();
  const lane = new Map<string, number>(lanes.map((l, i) => [l.id, i]));
  const step = new Map<string, number>(steps.map((s, i) => [s.id, i]));
  return (key) => {
    const [l, s] = key.split(":") as [string, string];
    return (lane.get(l) ?? 1e4) * 1e5 + (step.get(s) ?? 1e4);
  };
}

/**
 * Finds cards by any of their text (touchpoint and channel names included), highlights their cells and scrolls to the
 * first as you type; Enter jumps through them.
 */
export function SearchBox({
  search,
  view,
  catalogue,
  onJump,
  onShow,
}: {
  search: SearchMatches;
  view: MapView;
  catalogue: CellCatalogue;
  onJump: (cellKey: string) => void;
  /** Scrolls a cell into view, leaving the cursor in the search box. */
  onShow: (cellKey: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState("");
  const next = useRef(0);
  const count = useSyncExternalStore(
    (l) => search.subscribe("*", l),
    () => search.keys.length,
  );

  useEffect(() => {
    search.update(query, view, catalogue, cellOrder(view));
    next.current = 0;
    if (!query.trim()) return;
    const first = search.keys[0];
    if (first) onShow(first);
    // Keep the highlights true while people edit, without searching on every keystroke of every collaborator.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = view.subscribe(TOPIC.cards, () => {
      clearTimeout(timer);
      timer = setTimeout(() => search.update(query, view, catalogue, cellOrder(view)), 200);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [query, search, view, catalogue, onShow]);

  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
      <label htmlFor={id} className="visually-hidden">
        {t("editor.search.label")}
      </label>
      <input
        id={id}
        type="search"
        dir="auto"
        value={query}
        placeholder={t("editor.search.placeholder")}
        data-testid="map-search"
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setQuery("");
          if (e.key === "Enter" && search.keys.length > 0) {
            e.preventDefault();
            onJump(search.keys[next.current % search.keys.length]!);
            next.current += 1;
          }
        }}
        className="input"
        // As wide as its placeholder in every language (Russian and Persian were cut), within bounds.
        style={{ fieldSizing: "content", minInlineSize: "10em", maxInlineSize: "18em", paddingBlock: 3 }}
      />
      {query.trim() && (
        <span
          role="status"
          aria-live="polite"
          style={{ fontSize: "var(--font-size-sm)", color: "var(--text-muted)" }}
          data-testid="search-count"
        >
          {t("editor.search.matches", { count })}
        </span>
      )}
    </span>
  );
}
