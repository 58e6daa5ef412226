export { EVENT_TABLES_DDL } from "./engines/duckdb/eventTables.js";
export { openEventDatabase, type EventDatabase } from "./engines/duckdb/openEventDatabase.js";
