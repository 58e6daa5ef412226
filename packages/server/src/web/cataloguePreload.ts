import { acceptedLanguages, LocaleSchema, matchLocale, type Locale } from "@opencjm/core";
import { assetName, type BuildManifest } from "./buildManifest.js";

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

/** Each language's catalogue chunk ("messages.ru-AB3H6NV1.js"), read from the build manifest; absent ones are skipped. */
export function catalogueChunks(manifest: BuildManifest): Map<Locale, string> {
  const chunks = new Map<Locale, string>();
  for (const locale of LocaleSchema.options) {
    const chunk = assetName(manifest[`src/i18n/messages.${locale}.ts`]?.file, "js");
    if (chunk) chunks.set(locale, chunk);
  }
  return chunks;
}

/**
 * index.html with links that start the page's files downloading as soon as its head is read, beside the entry
 * script, instead of once the app asks for them: module preloads of the scripts (the app's imports then find them
 * there) and preloads of the style sheets (not the sheets themselves, which would hold back the first paint; Vite's
 * loader links each sheet when its screen loads, and the browser takes it from the preload), and of the data the page
 * fetches first (`fetches`: API addresses, already checked to be well formed).
 */
export function withPreloadLinks(
  html: string,
  files: { scripts: readonly string[]; styles: readonly string[]; fetches?: readonly string[] },
): string {
  const links = [
    ...files.scripts.map((name) => `<link rel="modulepreload" crossorigin href="/assets/${name}">`),
    ...files.styles.map((name) => `<link rel="preload" as="style" crossorigin href="/assets/${name}">`),
    // Data the page fetches first (same origin, with its cookie: a plain fetch() takes the preloaded answer).
    ...(files.fetches ?? []).map((address) => `<link rel="preload" as="fetch" crossorigin href="${address}">`),
  ];
  if (links.length === 0) return html;
  return html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
}
