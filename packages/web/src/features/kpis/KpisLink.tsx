import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider.js";

/** A link to the KPI list: filtered to one map's KPIs from its header, or every KPI (from the idea backlog). */
export function KpisLink({ mapId, className = "btn btn-small" }: { mapId?: string; className?: string }) {
  const t = useT();
  const href = mapId ? `/kpis?mapId=${encodeURIComponent(mapId)}` : "/kpis";
  return (
    <Link href={href} className={className} data-testid="kpis-link">
      {t("kpis.list.nav")}
    </Link>
  );
}
