import type { MapSnapshot } from "@opencjm/core";
import { useI18n } from "../../../i18n/I18nProvider.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { conversionWindowText } from "../../evidence/conversionWindowText.js";
import { useEvidence } from "../../evidence/map/EvidenceContext.js";
import styles from "./PrintMapView.module.css";

/**
 * What heads every printed page and the PNG: the map's title, its type and personas, the conversion window when the
 * map prints figures from data, and on a paginated PDF the page's number out of the real page count. The evidence legend stands in the grid's corner beneath it.
 */
export function PrintHeader({
  title,
  snapshot,
  catalogue,
  page,
}: {
  title: string;
  snapshot: MapSnapshot;
  catalogue: CellCatalogue;
  page?: { number: number; count: number };
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const evidence = useEvidence();
  const personas = snapshot.settings.personaIds.flatMap((id) => catalogue.personas.get(id)?.name ?? []);
  return (
    <header className={styles.head} data-testid="print-header">
      <h1 className={styles.title}>
        <bdi>{title}</bdi>
      </h1>
      <dl className={styles.meta}>
        <div>
          <dt>{t("vocabulary.mapType")}</dt>
          <dd>{t(`vocabulary.mapType.${snapshot.settings.type}`)}</dd>
        </div>
        {personas.length > 0 && (
          <div data-testid="print-personas">
            <dt>{t(personas.length === 1 ? "vocabulary.persona" : "vocabulary.personas")}</dt>
            <dd>
              <bdi>{new Intl.ListFormat(locale, { style: "short", type: "unit" }).format(personas)}</bdi>
            </dd>
          </div>
        )}
      </dl>
      {evidence?.metrics && (
        // The printed figures stand on a conversion window: stated on every page that may carry them.
        <p className={styles.meta} data-testid="print-window">
          {conversionWindowText(i18n, evidence.metrics.options.conversionWindowHours)}
        </p>
      )}
      {page && page.count > 1 && (
        <span className={styles.pageNo} data-testid="print-page-label">
          {t("editor.share.page", { page: page.number, pages: page.count })}
        </span>
      )}
    </header>
  );
}
