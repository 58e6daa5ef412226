import { openEventDatabase, type EventDatabase } from "../../engines/duckdb/openEventDatabase.js";
import { rebuildJourneyStore } from "../../store/rebuildJourneyStore.js";

// Public process-mining logs (pm4py test data, GPL-3.0, test fixtures only; see ../shared/cjm-research-data/README.md).
const LOGS = new URL("../../../../../../shared/cjm-research-data/event-logs/pm4py/", import.meta.url).pathname;

/**
 * Loads a pm4py CSV log straight into a fresh in-memory event database with DuckDB's read_csv (one case = one
 * customer, activity = event name) and builds its journey store. The caller closes the database.
 */
export async function loadProcessLog(file: string): Promise<EventDatabase> {
  const db = await openEventDatabase(":memory:", "ws");
  await db.connection.run(`
    INSERT INTO events
    SELECT 'pm4py', 'pm4py', n, n, (dense_rank() OVER (ORDER BY "case:concept:name") - 1)::INTEGER,
           timezone('UTC', "time:timestamp"::TIMESTAMPTZ), "concept:name", NULL, NULL, NULL, NULL, NULL
    FROM (SELECT *, row_number() OVER () AS n FROM read_csv('${LOGS}${file}', header = true, all_varchar = true))`);
  await db.connection.run("INSERT INTO customers SELECT DISTINCT customer_id, '{}'::JSON FROM events");
  await rebuildJourneyStore(db);
  return db;
}
