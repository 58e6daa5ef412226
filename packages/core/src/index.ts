export * from "./ids.js";
export * from "./locale.js";
export * from "./schemas/workspace.js";
export * from "./schemas/persona.js";
export * from "./schemas/touchpoint.js";
export * from "./schemas/lane.js";
export * from "./schemas/journeyMap.js";
export * from "./document/index.js";
