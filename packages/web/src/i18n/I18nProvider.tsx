import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { directionOf, pickLocale, type TextDirection, type UiLocale } from "./locales.js";
import { formatMessage, VOCABULARY, type LanguageRules } from "@opencjm/core";
import { numberFormatOf, pluralRulesOf } from "./languageFormats.js";
import { loadMessages, type Messages } from "./messages.js";
import { LOCALE_STORAGE_KEY, storedLocale } from "./storedLocale.js";

/** Placeholder values; numbers are formatted for the language (Persian digits in Persian). */
export type MessageValues = Record<string, string | number>;

/** What every component needs to speak the user's language. */
export interface I18n {
  locale: UiLocale;
  dir: TextDirection;
  /** The message `namespace.key` with placeholders filled; plural messages pick their form from `values.count`. */
  t: (key: string, values?: MessageValues) => string;
  /** Changes the language and remembers it on this device; the session layer also stores it on the user. */
  setLocale: (locale: UiLocale) => void;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: string | number | Date, options?: Intl.DateTimeFormatOptions) => string;
  /** "3 minutes ago" in the UI language. */
  formatRelative: (value: string | number | Date, now?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Builds the i18n functions for a language over its loaded catalogue, plus core's `vocabulary` (the words the
 * screen shares with the exports, as `vocabulary.<key>`).
 */
export function createI18n(locale: UiLocale, messages: Messages, setLocale: (l: UiLocale) => void = () => {}): I18n {
  const numbers = numberFormatOf(locale);
  const rules: LanguageRules = { plurals: pluralRulesOf(locale), numbers };
  // Made when first asked for: most screens write no relative times, and each format costs the first time.
  let relative: Intl.RelativeTimeFormat | undefined;
  const relativeFormat = () => (relative ??= new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const shared: Messages = Object.fromEntries(
    Object.entries(VOCABULARY[locale]).map(([key, value]) => [`vocabulary.${key}`, value]),
  );
  const t = (key: string, values: MessageValues = {}) => {
    const message = messages[key] ?? shared[key];
    return message === undefined ? key : formatMessage(message, values, rules);
  };
  return {
    locale,
    dir: directionOf(locale),
    t,
    setLocale,
    formatNumber: (value, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(value),
    formatDate: (value, options = { dateStyle: "medium" }) =>
      new Intl.DateTimeFormat(locale, options).format(new Date(value)),
    formatRelative: (value, now = Date.now()) => {
      const seconds = Math.round((new Date(value).getTime() - now) / 1000);
      const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
        ["second", 60],
        ["minute", 60],
        ["hour", 24],
        ["day", 30],
        ["month", 12],
        ["year", Infinity],
      ];
      let amount = seconds;
      for (const [unit, size] of steps) {
        if (Math.abs(amount) < size) return relativeFormat().format(amount, unit);
        amount = Math.round(amount / size);
      }
      return relativeFormat().format(amount, "year");
    },
  };
}

/** Loads the catalogue of the chosen language, keeps `<html lang dir>` in step, and provides `useI18n`. */
export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: UiLocale }) {
  const [locale, setLocaleState] = useState<UiLocale>(
    () => initialLocale ?? pickLocale(storedLocale(), navigator.languages),
  );
  const [messages, setMessages] = useState<{ locale: UiLocale; messages: Messages } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadMessages(locale).then((loaded) => {
      if (!cancelled) setMessages({ locale, messages: loaded });
    });
    return () => {
      cancelled = true;
    };
  }, [locale]);

  const setLocale = useCallback((next: UiLocale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this visit only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo(
    () => (messages ? createI18n(messages.locale, messages.messages, setLocale) : null),
    [messages, setLocale],
  );

  useEffect(() => {
    if (!value) return;
    document.documentElement.lang = value.locale;
    document.documentElement.dir = value.dir;
  }, [value]);

  // Nothing renders until the catalogue is in, so no screen ever flashes raw keys.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's i18n functions. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

/** Shorthand for `useI18n().t`. */
export function useT(): I18n["t"] {
  return useI18n().t;
}

/** Provides a ready catalogue without loading (component tests, print pages). */
export function StaticI18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
