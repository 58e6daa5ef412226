import { Link } from "wouter";
import { Button } from "../../app/Button.js";
import { ApiRequestError } from "../../api/apiClient.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./MapLoadError.module.css";

/**
 * Why a map could not be opened, in the user's language, with a way back to the maps and (when it may help) a retry.
 * For a share link (`shared`), a link that no longer works is explained as such, with a way to the app.
 */
export function MapLoadError({
  error,
  onRetry,
  shared = false,
}: {
  error: unknown;
  onRetry?: () => void;
  shared?: boolean;
}) {
  const t = useT();
  const status = error instanceof ApiRequestError ? error.status : undefined;
  if (shared && status === 404)
    return (
      <div className={styles.box} role="alert" data-testid="map-load-error">
        <h1>{t("editor.share.notFound.title")}</h1>
        <p>{t("editor.share.notFound.body")}</p>
        <a href="/">{t("editor.share.home")}</a>
      </div>
    );
  const reason =
    status === 404 || error === "denied"
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 401
          ? "signedOut"
          : error instanceof ApiRequestError && error.code === "network"
            ? "network"
            : "unknown";
  return (
    <div className={styles.box} role="alert" data-testid="map-load-error">
      <h1>{t(`editor.loadError.${reason}.title`)}</h1>
      <p>{t(`editor.loadError.${reason}.body`)}</p>
      <div className={styles.actions}>
        {onRetry && reason !== "notFound" && (
          <Button variant="primary" onClick={onRetry}>
            {t("common.action.retry")}
          </Button>
        )}
        <Link href="/" data-testid="back-to-maps">
          {t("editor.loadError.back")}
        </Link>
      </div>
    </div>
  );
}
