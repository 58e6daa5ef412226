import type { DuckDBConnection } from "@duckdb/node-api";
import { newId, type ImportMapping, type Source, type SourceKind } from "@opencjm/core";
import { sqlString } from "../engines/duckdb/sqlQuote.js";
import { ImportError } from "../importers/ImportError.js";

type SourceRow = [string, string, string, string | null, string, bigint, bigint, string | null];

const SELECT = `SELECT s.source_id, s.name, s.kind, s.mapping::VARCHAR, strftime(s.created_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    (SELECT count(*) FROM events e WHERE e.source_id = s.source_id),
    (SELECT count(*) FROM imports i WHERE i.source_id = s.source_id AND i.status = 'done'),
    (SELECT strftime(max(i.finished_at), '%Y-%m-%dT%H:%M:%S.%gZ') FROM imports i WHERE i.source_id = s.source_id AND i.status = 'done')
  FROM sources s`;

function toSource([sourceId, name, kind, mapping, createdAt, events, imports, lastImportAt]: SourceRow): Source {
  return {
    sourceId,
    name,
    kind: kind as SourceKind,
    mapping: mapping ? (JSON.parse(mapping) as ImportMapping) : null,
    createdAt,
    events: Number(events),
    imports: Number(imports),
    lastImportAt,
  };
}

/** Every source of the workspace, by name. */
export async function listSources(connection: DuckDBConnection): Promise<Source[]> {
  return (
    (await connection.runAndReadAll(`${SELECT} ORDER BY lower(s.name), s.source_id`)).getRows() as SourceRow[]
  ).map(toSource);
}

/** One source by id. */
export async function getSource(connection: DuckDBConnection, sourceId: string): Promise<Source | undefined> {
  const rows = (
    await connection.runAndReadAll(`${SELECT} WHERE s.source_id = ${sqlString(sourceId)}`)
  ).getRows() as SourceRow[];
  return rows[0] ? toSource(rows[0]) : undefined;
}

/** One source by name (names are unique per workspace, compared case-insensitively). */
export async function findSourceByName(connection: DuckDBConnection, name: string): Promise<Source | undefined> {
  const rows = (
    await connection.runAndReadAll(`${SELECT} WHERE lower(s.name) = lower(${sqlString(name.trim())})`)
  ).getRows() as SourceRow[];
  return rows[0] ? toSource(rows[0]) : undefined;
}

/** Creates a source; a name already used in the workspace is refused. */
export async function createSource(
  connection: DuckDBConnection,
  fields: { name: string; kind: SourceKind; mapping?: ImportMapping | null; sourceId?: string },
): Promise<Source> {
  const name = fields.name.trim();
  if (await findSourceByName(connection, name))
    throw new ImportError("source_exists", `a source named "${name}" already exists`);
  const sourceId = fields.sourceId ?? newId("src_");
  const mapping = fields.mapping ? `${sqlString(JSON.stringify(fields.mapping))}::JSON` : "NULL";
  await connection.run(
    `INSERT INTO sources VALUES (${sqlString(sourceId)}, ${sqlString(name)}, ${sqlString(fields.kind)}, ${mapping}, now()::TIMESTAMP)`,
  );
  return (await getSource(connection, sourceId))!;
}

/** Changes a source's name, kind or saved mapping; returns undefined when it does not exist. */
export async function updateSource(
  connection: DuckDBConnection,
  sourceId: string,
  fields: { name?: string; kind?: SourceKind; mapping?: ImportMapping | null },
): Promise<Source | undefined> {
  const current = await getSource(connection, sourceId);
  if (!current) return undefined;
  const name = fields.name?.trim();
  if (name && name.toLowerCase() !== current.name.toLowerCase() && (await findSourceByName(connection, name)))
    throw new ImportError("source_exists", `a source named "${name}" already exists`);
  const sets = [
    name ? `name = ${sqlString(name)}` : "",
    fields.kind ? `kind = ${sqlString(fields.kind)}` : "",
    fields.mapping !== undefined
      ? `mapping = ${fields.mapping ? `${sqlString(JSON.stringify(fields.mapping))}::JSON` : "NULL"}`
      : "",
  ].filter(Boolean);
  if (sets.length)
    await connection.run(`UPDATE sources SET ${sets.join(", ")} WHERE source_id = ${sqlString(sourceId)}`);
  return getSource(connection, sourceId);
}
