import { fieldError } from "../errors/DomainError.js";

/** Where a newest-first page ends: the last row's time and id (ids break ties between rows of the same millisecond). */
export interface PageCursor {
  createdAt: string;
  id: string;
}

/** The opaque `nextCursor` the API hands out for the row a page ended on. */
export const encodePageCursor = (row: PageCursor): string =>
  Buffer.from(`${row.createdAt}\n${row.id}`, "utf8").toString("base64url");

/** Reads a `before` cursor back; anything the server did not hand out is refused naming the parameter. */
export function decodePageCursor(cursor: string): PageCursor {
  const [createdAt, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("\n");
  if (!createdAt || !id || extra !== undefined || Number.isNaN(Date.parse(createdAt))) {
    throw fieldError("before", "not a cursor this server handed out", { code: "invalid_cursor" });
  }
  return { createdAt, id };
}
