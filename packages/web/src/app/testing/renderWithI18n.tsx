import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createI18n, StaticI18nProvider } from "../../i18n/I18nProvider.js";
import type { UiLocale } from "../../i18n/locales.js";
import type { Message, Messages } from "../../i18n/messages.js";
import { createQueryClient } from "../queryClient.js";

// Every catalogue file the app ships, read eagerly, so component tests see the real translations.
const files = import.meta.glob<{ default: Record<string, Message> }>("../../i18n/*/*.json", { eager: true });

/** The real catalogue of one language. */
export function catalogueOf(locale: UiLocale): Messages {
  const out: Messages = {};
  for (const [path, file] of Object.entries(files)) {
    const match = /\/([\w-]+)\/([\w-]+)\.json$/.exec(path);
    if (match?.[2] !== locale) continue;
    for (const [key, value] of Object.entries(file.default)) out[`${match[1]}.${key}`] = value;
  }
  return out;
}

/** Renders a component inside the i18n context of a language (English by default), with a fresh data cache. */
export function renderWithI18n(ui: ReactElement, locale: UiLocale = "en") {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <StaticI18nProvider i18n={createI18n(locale, catalogueOf(locale))}>{ui}</StaticI18nProvider>
    </QueryClientProvider>,
  );
}
