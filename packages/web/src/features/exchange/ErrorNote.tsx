import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { exchangeError } from "./exchangeError.js";
import styles from "./Exchange.module.css";

/** An error of an export, import or share action in the user's language, with where in the file it lies. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useT();
  const generic = useErrorMessage();
  const known = exchangeError(error);
  return (
    <p className={styles.error} role="alert" data-testid="exchange-error">
      {known ? t(known.key) : generic(error)}
      {known?.detail && <code className={styles.detail}>{known.detail}</code>}
    </p>
  );
}
