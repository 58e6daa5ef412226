import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../readRows.js";

/** What the imported data holds, for pickers: channels, event names, event properties and customer attributes with counts. */
export interface DataFacets {
  totalEvents: number;
  totalCustomers: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  channels: Array<{ channel: string; events: number; customers: number }>;
  eventNames: Array<{ eventName: string; channel: string | null; events: number; customers: number }>;
  properties: Array<{ name: string; events: number }>;
  attributes: Array<{ name: string; customers: number; values: Array<{ value: string; customers: number }> }>;
}

/** Limits keep the answer small on any data set: pickers show the most frequent entries first. */
const LIMITS = { eventNames: 300, properties: 100, attributes: 100, values: 25 };

/** Distinct channels, event names, property names and customer attributes (with their most common values) of a workspace's events. */
export async function getDataFacets(connection: DuckDBConnection): Promise<DataFacets> {
  const [totals] = await readRows<{
    totalEvents: number;
    totalCustomers: number;
    firstEventAt: string | null;
    lastEventAt: string | null;
  }>(
    connection,
    `SELECT count(*) AS "totalEvents", count(DISTINCT customer_id) AS "totalCustomers",
            strftime(min(ts), '%Y-%m-%dT%H:%M:%SZ') AS "firstEventAt", strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS "lastEventAt" FROM events`,
  );
  const channels = await readRows<DataFacets["channels"][number]>(
    connection,
    `SELECT channel, count(*) AS events, count(DISTINCT customer_id) AS customers FROM events WHERE channel IS NOT NULL GROUP BY channel ORDER BY events DESC, channel`,
  );
  const eventNames = await readRows<DataFacets["eventNames"][number]>(
    connection,
    `SELECT event_name AS "eventName", channel, count(*) AS events, count(DISTINCT customer_id) AS customers FROM events
     GROUP BY event_name, channel ORDER BY events DESC, event_name, channel LIMIT ${LIMITS.eventNames}`,
  );
  const properties = await readRows<DataFacets["properties"][number]>(
    connection,
    `SELECT name, count(*) AS events FROM (SELECT unnest(json_keys(properties)) AS name FROM events WHERE properties IS NOT NULL)
     GROUP BY name ORDER BY events DESC, name LIMIT ${LIMITS.properties}`,
  );
  const values = await readRows<{ name: string; value: string; customers: number; total: number; rank: number }>(
    connection,
    `WITH kv AS (SELECT k AS name, json_extract_string(attributes, '/' || replace(replace(k, '~', '~0'), '/', '~1')) AS value
                 FROM (SELECT attributes, unnest(json_keys(attributes)) AS k FROM customers WHERE attributes IS NOT NULL)),
          counted AS (SELECT name, value, count(*) AS customers FROM kv WHERE value IS NOT NULL GROUP BY name, value),
          ranked AS (SELECT *, sum(customers) OVER (PARTITION BY name) AS total, row_number() OVER (PARTITION BY name ORDER BY customers DESC, value) AS rank FROM counted)
     SELECT name, value, customers, total, rank FROM ranked WHERE rank <= ${LIMITS.values} ORDER BY total DESC, name, rank`,
  );
  const attributes: DataFacets["attributes"] = [];
  for (const v of values) {
    let last = attributes.at(-1);
    if (!last || last.name !== v.name) {
      if (attributes.length === LIMITS.attributes) break;
      last = { name: v.name, customers: v.total, values: [] };
      attributes.push(last);
    }
    last.values.push({ value: v.value, customers: v.customers });
  }
  return {
    totalEvents: totals?.totalEvents ?? 0,
    totalCustomers: totals?.totalCustomers ?? 0,
    firstEventAt: totals?.firstEventAt ?? null,
    lastEventAt: totals?.lastEventAt ?? null,
    channels,
    eventNames,
    properties,
    attributes,
  };
}
