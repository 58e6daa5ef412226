import { compareMaps, type Persona } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "wouter";
import { personaListQuery } from "../../api/workspaceQueries.js";
import { buttonClassName } from "../../app/Button.js";
import { QueryView } from "../../app/QueryView.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import type { MapWithSnapshot } from "./compareApi.js";
import { mapWithSnapshotQuery } from "./compareQueries.js";
import { CompareLegend } from "./CompareLegend.js";
import { ComparePainPoints } from "./ComparePainPoints.js";
import { CompareStepTable } from "./CompareStepTable.js";
import styles from "./CompareMapsPage.module.css";

type Loaded = { left: MapWithSnapshot; right: MapWithSnapshot; personas: Persona[] };

/** Two maps side by side (e.g. current and future state) with added, removed and changed steps and emotion deltas. */
export default function CompareMapsPage({
  workspaceId,
  leftId,
  rightId,
}: {
  workspaceId: string;
  leftId: string;
  rightId: string;
}) {
  const left = useQuery(mapWithSnapshotQuery(workspaceId, leftId));
  const right = useQuery(mapWithSnapshotQuery(workspaceId, rightId));
  const personas = useQuery(personaListQuery(workspaceId));
  return (
    <QueryView queries={[left, right, personas]}>
      {(l, r, p) => <Comparison data={{ left: l, right: r, personas: p }} leftId={leftId} rightId={rightId} />}
    </QueryView>
  );
}

function Comparison({ data, leftId, rightId }: { data: Loaded; leftId: string; rightId: string }) {
  const { t, dir, locale } = useI18n();
  const comparison = useMemo(
    () => compareMaps(data.left.snapshot, data.right.snapshot, locale),
    [data.left, data.right, locale],
  );
  const personaNames = new Map(data.personas.map((p) => [p.id, p.name]));
  const arrow = dir === "rtl" ? "←" : "→";
  const { summary } = comparison;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t("compare.title")}</h1>
        <div className={styles.maps}>
          <Link href={`/maps/${leftId}`} className={styles.mapName} data-testid="compare-left">
            <span className="badge">{t(`vocabulary.mapType.${data.left.snapshot.settings.type}`)}</span>
            <bdi>{data.left.snapshot.settings.title}</bdi>
          </Link>
          <span aria-hidden="true" className={styles.arrow}>
            {arrow}
          </span>
          <Link href={`/maps/${rightId}`} className={styles.mapName} data-testid="compare-right">
            <span className="badge badge-accent">{t(`vocabulary.mapType.${data.right.snapshot.settings.type}`)}</span>
            <bdi>{data.right.snapshot.settings.title}</bdi>
          </Link>
          <Link
            href={`/compare/${rightId}/${leftId}`}
            className={buttonClassName("ghost", "small")}
            data-testid="compare-swap"
          >
            ⇄ {t("compare.swap")}
          </Link>
        </div>
        <p className={styles.summary} data-testid="compare-summary">
          <span className={styles.added}>{t("compare.summaryAdded", { count: summary.added })}</span>
          <span className={styles.removed}>{t("compare.summaryRemoved", { count: summary.removed })}</span>
          <span className={styles.changed}>{t("compare.summaryChanged", { count: summary.changed })}</span>
          <span>{t("compare.summaryUnchanged", { count: summary.unchanged })}</span>
          <span className={styles.resolved}>{t("compare.summaryResolved", { count: summary.resolvedPainPoints })}</span>
        </p>
        <p className="hint">
          {comparison.matchedBy === "lineage" ? t("compare.matchedByLineage") : t("compare.matchedByName")}
        </p>
      </header>
      <CompareLegend />
      <CompareStepTable
        comparison={comparison}
        personaNames={personaNames}
        leftTitle={data.left.snapshot.settings.title}
        rightTitle={data.right.snapshot.settings.title}
      />
      <ComparePainPoints comparison={comparison} />
    </div>
  );
}
