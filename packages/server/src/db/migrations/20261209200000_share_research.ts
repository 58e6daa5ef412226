import type { Kysely } from "kysely";
import type { Dialect } from "../createDb.js";

/**
 * Whether a share link carries the map's research appendix (issue 15): research is for workspace members, so a link
 * shows it only when its sharer ticked "include the research appendix"; every link made before says no. An export's
 * own link carries it when the member exporting asked for it.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("share_links")
    .addColumn("include_research", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
