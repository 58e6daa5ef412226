import type { Locale } from "../locale.js";
import type { Message } from "./translate.js";
import { VOCABULARY } from "./vocabularyCatalogue.js";
import errorsEn from "./errors/en.json" with { type: "json" };
import errorsZhHant from "./errors/zh-Hant.json" with { type: "json" };
import errorsZhHans from "./errors/zh-Hans.json" with { type: "json" };
import errorsRu from "./errors/ru.json" with { type: "json" };
import errorsFa from "./errors/fa.json" with { type: "json" };
import cliEn from "./cli/en.json" with { type: "json" };
import cliZhHant from "./cli/zh-Hant.json" with { type: "json" };
import cliZhHans from "./cli/zh-Hans.json" with { type: "json" };
import cliRu from "./cli/ru.json" with { type: "json" };
import cliFa from "./cli/fa.json" with { type: "json" };
import exportsEn from "./exports/en.json" with { type: "json" };
import exportsZhHant from "./exports/zh-Hant.json" with { type: "json" };
import exportsZhHans from "./exports/zh-Hans.json" with { type: "json" };
import exportsRu from "./exports/ru.json" with { type: "json" };
import exportsFa from "./exports/fa.json" with { type: "json" };
import importsEn from "./imports/en.json" with { type: "json" };
import importsZhHant from "./imports/zh-Hant.json" with { type: "json" };
import importsZhHans from "./imports/zh-Hans.json" with { type: "json" };
import importsRu from "./imports/ru.json" with { type: "json" };
import importsFa from "./imports/fa.json" with { type: "json" };

/** A catalogue file: keys to messages. */
type CatalogueFile = Record<string, Message>;

/**
 * The catalogues the server, the CLI and the exports share with the web app, one JSON file per namespace and
 * language (`i18n/<namespace>/<locale>.json`, the web's format). Imported rather than read from disk so the build
 * copies them and bundlers inline them.
 */
export const SHARED_CATALOGUES = {
  errors: { en: errorsEn, "zh-Hant": errorsZhHant, "zh-Hans": errorsZhHans, ru: errorsRu, fa: errorsFa },
  cli: { en: cliEn, "zh-Hant": cliZhHant, "zh-Hans": cliZhHans, ru: cliRu, fa: cliFa },
  exports: { en: exportsEn, "zh-Hant": exportsZhHant, "zh-Hans": exportsZhHans, ru: exportsRu, fa: exportsFa },
  imports: { en: importsEn, "zh-Hant": importsZhHant, "zh-Hans": importsZhHans, ru: importsRu, fa: importsFa },
  vocabulary: VOCABULARY,
} satisfies Record<string, Record<Locale, CatalogueFile>>;

/**
 * The shared namespaces: `errors` (API and CLI error messages by code), `cli`, `exports`, `imports` (why a map import
 * left something out), `vocabulary`.
 */
export type SharedNamespace = keyof typeof SHARED_CATALOGUES;
/** A key of the errors catalogue, typed from the English file. */
export type ErrorMessageKey = keyof typeof errorsEn;
/** A key of the CLI catalogue, typed from the English file. */
export type CliMessageKey = keyof typeof cliEn;
/** A key of the exports catalogue, typed from the English file. */
export type ExportMessageKey = keyof typeof exportsEn;
/** A key of the imports catalogue (why a map import left a text out), typed from the English file. */
export type ImportMessageKey = keyof typeof importsEn;
