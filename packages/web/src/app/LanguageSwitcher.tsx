import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { isUiLocale, UI_LOCALES } from "../i18n/locales.js";
import { useSession } from "./SessionProvider.js";
import styles from "./LanguageSwitcher.module.css";

/** Picks the UI language; each language is named in itself, and the choice is remembered per user. */
export function LanguageSwitcher() {
  const { t, locale } = useI18n();
  const { changeLanguage } = useSession();
  const id = useId();
  return (
    <span className={styles.switcher}>
      <label htmlFor={id} className={styles.label}>
        {t("shell.language")}
      </label>
      <select
        id={id}
        className={styles.select}
        data-testid="language"
        value={locale}
        onChange={(e) => isUiLocale(e.target.value) && changeLanguage(e.target.value)}
      >
        {UI_LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.label}
          </option>
        ))}
      </select>
    </span>
  );
}
