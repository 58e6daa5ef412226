// The part of unzipper (the streaming ZIP reader exceljs reads workbooks with) that checkWorkbookSize uses; the
// package ships no types.
declare module "unzipper" {
  import type { Duplex, PassThrough } from "node:stream";

  /** One part of the archive, as its inflated bytes. */
  export interface Entry extends PassThrough {
    path: string;
    autodrain(): unknown;
  }

  /** Reads an archive front to back by its local headers; with `forceStream`, a readable stream of entries. */
  export function Parse(options?: { forceStream?: boolean }): Duplex;
}
