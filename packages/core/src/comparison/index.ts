export * from "./deriveFutureState.js";
export * from "./compareMaps.js";
export { cardSignature } from "./cardSignature.js";
export { normalizeName } from "./matchEntities.js";
export { compareVersions } from "./compareVersions.js";
