import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider.js";

/** The map header's link to this map's activity (who created, renamed, shared or restored it, and when). */
export function MapActivityLink({ mapId }: { mapId: string }) {
  const t = useT();
  return (
    <Link href={`/activity?map=${encodeURIComponent(mapId)}`} className="btn btn-small" data-testid="map-activity-link">
      {t("activity.nav")}
    </Link>
  );
}
