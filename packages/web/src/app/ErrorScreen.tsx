import { ApiRequestError } from "../api/apiClient.js";
import { Button } from "./Button.js";
import { useT } from "../i18n/I18nProvider.js";
import { useErrorMessage } from "./useErrorMessage.js";
import styles from "./ErrorScreen.module.css";

/** A full-screen error with the reason in the user's language, a retry and a way home. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  return (
    <div className={styles.screen} role="alert">
      <h1>{t("common.error.title")}</h1>
      <p>{message(error)}</p>
      {error instanceof ApiRequestError && error.issues.length > 0 && (
        <p className={styles.details}>
          {t("common.error.details", { details: error.issues.map((i) => `${i.path}: ${i.message}`).join("; ") })}
        </p>
      )}
      <div className={styles.actions}>
        {onRetry && (
          <Button variant="primary" onClick={onRetry}>
            {t("common.action.retry")}
          </Button>
        )}
        <a href="/">{t("common.action.back")}</a>
      </div>
    </div>
  );
}
