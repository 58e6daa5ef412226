export * from "./localized.js";
export * from "./laneNames.js";
export * from "./templateDefinition.js";
export * from "./templateCatalogue.js";
export * from "./buildMapFromTemplate.js";
export * from "./blankMap.js";
