export * from "./translate.js";
export * from "./sharedCatalogues.js";
export * from "./vocabularyCatalogue.js";
export * from "./translateShared.js";
export * from "./matchLocale.js";
