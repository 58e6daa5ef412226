import type { Message } from "@opencjm/core";
import type { UiLocale } from "./locales.js";

// One format for every catalogue, the web's and core's shared ones (packages/core/src/i18n/translate.ts).
export type { Message };
/** Every message of one language, keyed `namespace.key` (the file `i18n/<namespace>/<locale>.json` holds `key`). */
export type Messages = Record<string, Message>;

type CatalogueFiles = Record<string, Record<string, Message>>;

// One JSON file per namespace and language, so each feature owns its strings; each language's files form one chunk.
const bundles: Record<UiLocale, () => Promise<{ default: CatalogueFiles }>> = {
  en: () => import("./messages.en.js"),
  "zh-Hant": () => import("./messages.zh-Hant.js"),
  "zh-Hans": () => import("./messages.zh-Hans.js"),
  ru: () => import("./messages.ru.js"),
  fa: () => import("./messages.fa.js"),
};

/** Loads every namespace of one language into one flat catalogue. */
export async function loadMessages(locale: UiLocale): Promise<Messages> {
  const out: Messages = {};
  for (const [path, messages] of Object.entries((await bundles[locale]()).default)) {
    const namespace = /^\.\/([\w-]+)\//.exec(path)![1]!;
    for (const [key, value] of Object.entries(messages)) out[`${namespace}.${key}`] = value;
  }
  return out;
}
