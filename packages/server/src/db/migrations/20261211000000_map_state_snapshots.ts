import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * The read snapshot of a map's compacted state, stored beside it (issue 19): opening a map nobody has open, or reading
 * a closed map for an export, otherwise turns the whole document into a snapshot again on the event loop (a tenth of a
 * second for a 40 × 20 map). `snapshot_format` names the code that made it (store/snapshotFormat.ts); a snapshot made
 * by other code, or of a state the log has moved past, is never used. Every state stored before has none.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("map_states").addColumn("snapshot", "text").execute();
  await db.schema.alterTable("map_states").addColumn("snapshot_format", "text").execute();
}
