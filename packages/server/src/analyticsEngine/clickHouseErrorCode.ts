/** ClickHouse's error codes the server acts on (ClickHouse's src/Common/ErrorCodes.cpp; stable across releases). */
export const CLICKHOUSE_ERROR = { UNKNOWN_TABLE: 60, UNKNOWN_DATABASE: 81 } as const;

// How every release starts an exception's text over HTTP: "Code: 60, e.displayText() = …" (18.16), "Code: 60. DB::…"
// (current ones). The client reads the code into ClickHouseError only when the text also ends in a "(UNKNOWN_TABLE)"
// type marker, which 18.16 does not write, so its errors reach us as plain Errors with the code in front. (Read by
// shape: the client's ClickHouseError is the analytics package's dependency, not the server's.)
const LEADING_CODE = /^Code: (\d+)[.,]/;

/** ClickHouse's numeric error code of a failed request, or undefined for a failure that is not ClickHouse's answer. */
export function clickHouseErrorCode(err: unknown): number | undefined {
  if (!(err instanceof Error)) return undefined;
  // A ClickHouseError's code is ClickHouse's number as a string; Node's own errors carry words there (ECONNREFUSED).
  const carried = (err as { code?: unknown }).code;
  if (typeof carried === "string" && /^\d+$/.test(carried)) return Number(carried);
  const code = LEADING_CODE.exec(err.message)?.[1];
  return code === undefined ? undefined : Number(code);
}

/** Whether a request failed because the workspace's tables (or the whole database) do not exist in ClickHouse yet. */
export function isMissingTable(err: unknown): boolean {
  const code = clickHouseErrorCode(err);
  return code === CLICKHOUSE_ERROR.UNKNOWN_TABLE || code === CLICKHOUSE_ERROR.UNKNOWN_DATABASE;
}
