import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.js";
import { isUiLocale, UI_LOCALES } from "../i18n/locales.js";
import { useSession } from "./SessionProvider.js";

/** Picks the UI language; each language is named in itself, and the choice is remembered per user. */
export function LanguageSwitcher() {
  const { t, locale } = useI18n();
  const { changeLanguage } = useSession();
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{t("shell.language")}</label>{" "}
      <select id={id} data-testid="language" value={locale} onChange={(e) => isUiLocale(e.target.value) && changeLanguage(e.target.value)}>
        {UI_LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.label}
          </option>
        ))}
      </select>
    </span>
  );
}
