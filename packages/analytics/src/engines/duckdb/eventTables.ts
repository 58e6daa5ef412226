/**
 * The DuckDB tables of a workspace's event store: the contract between the import pipeline (which writes them) and
 * the journey store and metrics (which read them). Timestamps are UTC. A customer id is dense (0…n-1) and is
 * reassigned by each stitching run, so readers must never keep one across imports.
 */
export const EVENT_TABLES_DDL = [
  `CREATE TABLE IF NOT EXISTS sources (
    source_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,          -- web | crm | email | support | survey | other
    mapping JSON,                   -- the saved column mapping, reused by the next import of this source
    created_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS imports (
    import_id VARCHAR PRIMARY KEY,
    source_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    encoding VARCHAR,
    status VARCHAR NOT NULL,        -- running | done | failed
    rows_read BIGINT NOT NULL DEFAULT 0,
    events_stored BIGINT NOT NULL DEFAULT 0,
    error VARCHAR,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
  )`,
  `CREATE TABLE IF NOT EXISTS events (
    import_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,     -- 1-based data row in the source file, for messages
    record_id BIGINT NOT NULL,      -- the row's identifier set before stitching (see identities)
    customer_id INTEGER NOT NULL,   -- stitched customer, dense 0…n-1
    ts TIMESTAMP NOT NULL,          -- UTC
    event_name VARCHAR NOT NULL,
    channel VARCHAR,
    score DOUBLE,
    score_kind VARCHAR,             -- csat | nps | ces | NULL
    text VARCHAR,
    properties JSON                 -- every other mapped column, as strings
  )`,
  `CREATE TABLE IF NOT EXISTS identities (
    kind VARCHAR NOT NULL,          -- customerId | email | phone | cookie | device | other
    value VARCHAR NOT NULL,         -- normalised (lower-cased e-mail, digits-only phone…)
    customer_id INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS customers (
    customer_id INTEGER PRIMARY KEY,
    attributes JSON                 -- customer attributes for segment rules (last value per attribute)
  )`,
  `CREATE TABLE IF NOT EXISTS merge_log (
    customer_id INTEGER NOT NULL,
    left_kind VARCHAR NOT NULL,
    left_value VARCHAR NOT NULL,
    right_kind VARCHAR NOT NULL,
    right_value VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,        -- e.g. "row 12 of crm.csv has both"
    source_id VARCHAR,
    row_number BIGINT
  )`,
  // Added by the import pipeline (additive): what stitching needs to rerun over every source after each import.
  // A record is one distinct set of identifiers within one import; record_identifiers lists its identifiers by id.
  // No primary keys on these: DuckDB maintains an index per key on every bulk insert, and the importer keeps the ids
  // unique itself.
  `CREATE TABLE IF NOT EXISTS records (
    record_id BIGINT NOT NULL,
    import_id VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    row_number BIGINT NOT NULL      -- first data row with this identifier set, for the merge log
  )`,
  `CREATE TABLE IF NOT EXISTS identifier_keys (
    ident_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    value VARCHAR NOT NULL          -- normalised like identities.value
  )`,
  `CREATE TABLE IF NOT EXISTS record_identifiers (
    record_id BIGINT NOT NULL,
    ident_id BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS attribute_values (
    record_id BIGINT NOT NULL,
    name VARCHAR NOT NULL,
    value VARCHAR NOT NULL,
    ts TIMESTAMP NOT NULL           -- time of the row it came from: the latest value wins
  )`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS file_size BIGINT`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS error_code VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS error_row BIGINT`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS error_column VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS summary JSON`,
  // The order stitching made each merge in, so a customer's merge log reads in that order.
  `ALTER TABLE merge_log ADD COLUMN IF NOT EXISTS seq BIGINT`,
] as const;
