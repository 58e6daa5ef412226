import { useEffect, useState, type ReactNode } from "react";
import { createI18n, StaticI18nProvider, useI18n } from "../../../i18n/I18nProvider.js";
import { isUiLocale } from "../../../i18n/locales.js";
import { loadMessages, type Messages } from "../../../i18n/messages.js";

/**
 * Shows its children in the language named by `lang` (the print page's `?lang=`), without changing the language the
 * visitor chose for the app; the document's `lang` and `dir` follow so fonts and direction are right.
 */
export function LocaleOverride({ lang, children }: { lang: string | null; children: ReactNode }) {
  const outer = useI18n();
  const wanted = isUiLocale(lang) ? lang : outer.locale;
  const [loaded, setLoaded] = useState<{ locale: string; messages: Messages } | null>(null);
  useEffect(() => {
    if (wanted === outer.locale) return;
    let cancelled = false;
    void loadMessages(wanted).then((messages) => !cancelled && setLoaded({ locale: wanted, messages }));
    return () => {
      cancelled = true;
    };
  }, [wanted, outer.locale]);
  const i18n = wanted === outer.locale ? outer : loaded?.locale === wanted ? createI18n(wanted, loaded.messages) : null;
  useEffect(() => {
    if (!i18n) return;
    document.documentElement.lang = i18n.locale;
    document.documentElement.dir = i18n.dir;
  }, [i18n]);
  if (!i18n) return null;
  return <StaticI18nProvider i18n={i18n}>{children}</StaticI18nProvider>;
}
