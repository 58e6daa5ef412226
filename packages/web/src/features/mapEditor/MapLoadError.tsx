import { Link } from "wouter";
import { ApiRequestError } from "../../api/apiClient.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./MapLoadError.module.css";

/** Why a map could not be opened, in the user's language, with a way back to the maps and (when it may help) a retry. */
export function MapLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiRequestError ? error.status : undefined;
  const reason = status === 404 || error === "denied" ? "notFound" : status === 403 ? "forbidden" : status === 401 ? "signedOut" : error instanceof ApiRequestError && error.code === "network" ? "network" : "unknown";
  return (
    <div className={styles.box} role="alert" data-testid="map-load-error">
      <h1>{t(`editor.loadError.${reason}.title`)}</h1>
      <p>{t(`editor.loadError.${reason}.body`)}</p>
      <div className={styles.actions}>
        {onRetry && reason !== "notFound" && (
          <button type="button" onClick={onRetry}>
            {t("common.action.retry")}
          </button>
        )}
        <Link href="/" data-testid="back-to-maps">
          {t("editor.loadError.back")}
        </Link>
      </div>
    </div>
  );
}
