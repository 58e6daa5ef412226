import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DomainError } from "../errors/DomainError.js";
import { importFileError } from "./importFileError.js";
import type { ImportDraft } from "./ImportDraft.js";
import { parseImportFile } from "./parseImportFile.js";
import type { ParseImportReply } from "./parseImportWorker.js";

/** What one parse may use: its heap, and how long it may take before it is stopped. */
export const PARSE_LIMITS = { heapMb: 512, seconds: 60, concurrent: 2 } as const;

const script = new URL("./parseImportWorker.js", import.meta.url);
// Running from TypeScript sources (tests) there is no compiled worker; the file is then parsed in-process.
const hasWorker = existsSync(fileURLToPath(script));

let running = 0;
const waiting: Array<() => void> = [];

/** Waits for one of the `PARSE_LIMITS.concurrent` parse slots, so a burst of imports cannot start a worker each. */
async function takeSlot(): Promise<() => void> {
  if (running >= PARSE_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function parseOnWorker(file: { name: string; bytes: Uint8Array }): Promise<ImportDraft> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: file,
      resourceLimits: { maxOldGenerationSizeMb: PARSE_LIMITS.heapMb },
    });
    // A parse must not keep a stopping server alive; the request it answers is gone with the server anyway.
    worker.unref();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() => reject(importFileError(file.name, `reading the file took longer than ${PARSE_LIMITS.seconds} s`))),
      PARSE_LIMITS.seconds * 1000,
    );
    worker.on("message", (reply: ParseImportReply) =>
      settle(() => {
        if ("draft" in reply) resolve(reply.draft);
        else if ("refusal" in reply) reject(new DomainError(reply.refusal));
        else reject(new Error(`import parser failed: ${reply.failure}`));
      }),
    );
    worker.on("error", (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? importFileError(file.name, `reading the file needed more than ${PARSE_LIMITS.heapMb} MB of memory`)
            : err,
        ),
      ),
    );
    worker.on("exit", (code) => settle(() => reject(new Error(`import parser stopped with code ${code}`))));
  });
}

/**
 * `parseImportFile` on a worker thread, so parsing a big file never holds up other requests (or a shutdown): each
 * parse gets its own worker with a heap and time limit, at most `PARSE_LIMITS.concurrent` at once. Refusals come
 * back as the same API errors.
 */
export async function parseImportFileOffThread(file: { name: string; bytes: Uint8Array }): Promise<ImportDraft> {
  if (!hasWorker) return parseImportFile(file);
  const release = await takeSlot();
  try {
    return await parseOnWorker(file);
  } finally {
    release();
  }
}
