export { EVENT_TABLES_DDL } from "./engines/duckdb/eventTables.js";
export { openEventDatabase, type EventDatabase } from "./engines/duckdb/openEventDatabase.js";
export { rebuildJourneyStore } from "./store/rebuildJourneyStore.js";
export { loadJourneyStore } from "./store/loadJourneyStore.js";
export type { JourneyStore } from "./store/JourneyStore.js";
export { analyzeSentiment, type Sentiment } from "./sentiment/analyzeSentiment.js";
export { detectTextLanguage, SENTIMENT_LANGUAGES, type SentimentLanguage } from "./sentiment/detectTextLanguage.js";
