export * from "./MapOperationError.js";
export * from "./mapDocument.js";
export * from "./mapOperation.js";
export * from "./applyMapOperations.js";
export * from "./mapSnapshot.js";
export * from "./upgradeSnapshot.js";
export * from "./mapLimits.js";
export { keyForPosition, sortSiblings } from "./position.js";
export { MapIndex } from "./MapIndex.js";
