// Worker-thread entry of map-file import: parses the file it is given (workerData) and posts the draft or the
// refusal back once. Runs only compiled (dist/); see parseImportFileOffThread.ts.
import { parentPort, workerData } from "node:worker_threads";
import { DomainError, type DomainErrorInit } from "../errors/DomainError.js";
import type { ImportDraft } from "./ImportDraft.js";
import { parseImportFile } from "./parseImportFile.js";

/** What the worker answers: the parsed draft, or the refusal as the API would send it. */
export type ParseImportReply = { draft: ImportDraft } | { refusal: DomainErrorInit } | { failure: string };

const file = workerData as { name: string; bytes: Uint8Array };

parseImportFile(file).then(
  (draft) => parentPort!.postMessage({ draft } satisfies ParseImportReply),
  (err: unknown) =>
    parentPort!.postMessage(
      (err instanceof DomainError
        ? { refusal: { kind: err.kind, code: err.code, message: err.message, field: err.field, details: err.details } }
        : { failure: err instanceof Error ? err.message : String(err) }) satisfies ParseImportReply,
    ),
);
