import type { ResearchSearchQuery, SentimentBucket } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { mapListQuery, personaListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { HighlightSummary } from "./HighlightSummary.js";
import { NoteSearchHits } from "./NoteSearchHits.js";
import { mapBodyQuery, researchSearchQuery } from "./researchQueries.js";
import styles from "./Research.module.css";

type Filters = Partial<Pick<ResearchSearchQuery, "q" | "tag" | "personaId" | "mapId" | "stepId" | "sentiment">>;

const SENTIMENTS: readonly SentimentBucket[] = ["negative", "neutral", "positive"];

/**
 * Searches the highlights of every study: words in any of the five scripts, narrowed by tag, persona, a map's step
 * and sentiment. Each result shows its participant and study and links to the note it comes from; the notes whose full
 * text holds the words follow, each with the words around the match.
 */
export default function InsightSearchPage({ workspaceId }: { workspaceId: string }) {
  const { t, formatNumber } = useI18n();
  const [text, setText] = useState("");
  const [filters, setFilters] = useState<Filters>({});
  const results = useQuery({ ...researchSearchQuery(workspaceId, filters), placeholderData: (previous) => previous });
  const personas = useQuery(personaListQuery(workspaceId));
  const maps = useQuery(mapListQuery(workspaceId));
  const body = useQuery({ ...mapBodyQuery(workspaceId, filters.mapId ?? ""), enabled: !!filters.mapId });
  const set = (patch: Filters) => setFilters((f) => ({ ...f, ...patch }));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() || undefined });
  };
  const tags = [...new Set((results.data?.hits ?? []).flatMap((h) => h.tags))].sort();

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <nav className={styles.crumbs}>
            <Link href="/research">{t("research.title")}</Link>
          </nav>
          <h1>{t("research.search.title")}</h1>
          <p className={styles.lead}>{t("research.search.lead")}</p>
        </div>
      </header>
      <form className={styles.filters} onSubmit={handleSubmit} role="search" data-testid="research-search">
        <label>
          {t("research.search.words")}
          <input
            type="search"
            value={text}
            dir="auto"
            onChange={(e) => setText(e.target.value)}
            data-testid="search-q"
          />
        </label>
        <Button type="submit" variant="primary">
          {t("research.search.submit")}
        </Button>
        <label>
          {t("research.search.tag")}
          <input
            value={filters.tag ?? ""}
            dir="auto"
            list="research-search-tags"
            onChange={(e) => set({ tag: e.target.value.trim() || undefined })}
          />
          <datalist id="research-search-tags">
            {tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </label>
        <label>
          {t("research.search.persona")}
          <select value={filters.personaId ?? ""} onChange={(e) => set({ personaId: e.target.value || undefined })}>
            <option value="">{t("research.search.any")}</option>
            {(personas.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.search.map")}
          <select
            value={filters.mapId ?? ""}
            onChange={(e) => set({ mapId: e.target.value || undefined, stepId: undefined })}
          >
            <option value="">{t("research.search.any")}</option>
            {(maps.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.search.step")}
          <select
            value={filters.stepId ?? ""}
            disabled={!filters.mapId}
            onChange={(e) => set({ stepId: e.target.value || undefined })}
          >
            <option value="">{t("research.search.any")}</option>
            {(body.data?.steps ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || t("common.state.untitled")}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.search.sentiment")}
          <select
            value={filters.sentiment ?? ""}
            onChange={(e) => set({ sentiment: (e.target.value || undefined) as SentimentBucket | undefined })}
          >
            <option value="">{t("research.search.any")}</option>
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`research.sentiment.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryView queries={[results]}>
        {(found) => (
          <>
            <section className={styles.section} aria-live="polite">
              <p className={styles.muted} data-testid="search-total">
                {t("research.search.total", { count: found.total })}
              </p>
              <ul className={styles.list} data-testid="search-results">
                {found.hits.map((hit) => (
                  <HighlightSummary key={hit.id} highlight={hit}>
                    <span className={styles.meta}>
                      <bdi>{hit.studyTitle}</bdi>
                      {" · "}
                      <Link href={`/research/notes/${encodeURIComponent(hit.noteId)}`}>
                        {t("research.search.toNote")}
                      </Link>
                    </span>
                  </HighlightSummary>
                ))}
              </ul>
              {found.total > found.hits.length && (
                <p className={styles.muted}>
                  {t("research.search.more", {
                    shown: formatNumber(found.hits.length),
                    total: formatNumber(found.total),
                  })}
                </p>
              )}
            </section>
            <NoteSearchHits notes={found.notes} total={found.notesTotal} />
          </>
        )}
      </QueryView>
    </main>
  );
}
