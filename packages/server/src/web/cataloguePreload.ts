import { acceptedLanguages, LocaleSchema, matchLocale, type Locale } from "@opencjm/core";
import { z } from "zod";

/** The cookie in which the web app keeps the language it last showed, so the next page can preload its catalogue. */
export const LOCALE_COOKIE = "cjm_locale";

/**
 * The language whose catalogue the page will ask for first: the one the web app last showed in this browser (its
 * cookie), else the first of `Accept-Language` we speak, else English — as the app itself picks it (i18n/locales.ts).
 */
export function pageLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const stored = LocaleSchema.safeParse(cookie);
  if (stored.success) return stored.data;
  return matchLocale(acceptedLanguages(acceptLanguage)) ?? "en";
}

/** Vite's build manifest (dist/.vite/manifest.json): source module → the built file holding it. */
const BuildManifestSchema = z.record(z.string(), z.object({ file: z.string() }).partial());

/** Each language's catalogue chunk ("messages.ru-AB3H6NV1.js"), read from the build manifest; absent ones are skipped. */
export function catalogueChunks(json: unknown): Map<Locale, string> {
  const chunks = new Map<Locale, string>();
  const parsed = BuildManifestSchema.safeParse(json);
  if (!parsed.success) return chunks;
  const manifest = parsed.data;
  for (const locale of LocaleSchema.options) {
    const file = manifest[`src/i18n/messages.${locale}.ts`]?.file;
    if (file && /^assets\/[\w.-]+\.js$/.test(file)) chunks.set(locale, file.slice("assets/".length));
  }
  return chunks;
}

/**
 * index.html with a module preload of the page's catalogue, so it downloads beside the first scripts instead of after
 * them (the app imports it as soon as its entry runs; the preloaded module is then already there).
 */
export function withCataloguePreload(html: string, chunk: string | undefined): string {
  if (!chunk) return html;
  return html.replace("</head>", `  <link rel="modulepreload" crossorigin href="/assets/${chunk}">\n  </head>`);
}
