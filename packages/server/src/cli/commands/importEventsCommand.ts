import { readFileSync } from "node:fs";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import {
  formatBytes,
  ImportError,
  importEvents,
  ImportFormatSchema,
  ImportMappingSchema,
  isTimeZone,
  SourceKindSchema,
  TextEncodingSchema,
  type ImportProgress,
  type ImportResult,
} from "@opencjm/analytics";
import { IdSchema, sharedMessage, translate, type ErrorMessageKey } from "@opencjm/core";
import { loadConfig } from "../../config.js";
import { publishWorkspaceEvents } from "../../analyticsEngine/clickHouseEngine.js";
import { CliError, issueText, parseOptions } from "../CliError.js";
import { cliErrorOf } from "../cliErrorOf.js";
import { cliLocale, cliText } from "../cliLanguage.js";
import { localisedErrorMessage } from "../../errors/localiseError.js";
import { openServices } from "../openServices.js";
import { dataDirOverride } from "./migrateCommand.js";
import { findWorkspaceRef } from "../../store/workspaceStore.js";

const DUPLICATES_CHOICE = { refuse: "error", drop: "skip", keep: "keep", error: "error", skip: "skip" } as const;

/** Rows left out for unreadable values that the text summary names one by one (--json gives the import's list). */
const LISTED_BAD_ROWS = 20;

const Options = z.strictObject({
  workspace: IdSchema,
  source: z.string().trim().min(1).max(120),
  kind: SourceKindSchema.default("other"),
  mapping: z.string().optional(),
  format: ImportFormatSchema.optional(),
  encoding: TextEncodingSchema.optional(),
  delimiter: z.enum([",", ";", "\t", "|", "tab"]).optional(),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time-zone name such as UTC or Europe/Berlin").optional(),
  timestampFormat: z.string().optional(),
  deny: z.array(z.string().min(1)).default([]),
  maxIdentifierLinks: z.coerce.number().int().min(1).optional(),
  onOverCap: z.enum(["fail", "ignore"]).default("fail"),
  // refuse, drop and keep are the words people use; error and skip are the mapping's own names for the first two.
  duplicates: z
    .enum(["refuse", "drop", "keep", "error", "skip"])
    .transform((d) => DUPLICATES_CHOICE[d])
    .optional(),
  skipBadRows: z.boolean().default(false),
  json: z.boolean().default(false),
});

const PHASE_LABEL: Record<ImportProgress["phase"], string> = {
  prepare: "reading",
  read: "parsing",
  check: "checking",
  stitch: "stitching",
  write: "writing",
  store: "indexing",
};
// Digits and grouping of the CLI's language (English keeps "1,234", as before the CLI spoke others).
const n = (value: number) => value.toLocaleString(cliLocale() === "en" ? "en-US" : cliLocale());

/**
 * Why a row was left out, in the CLI's language: the importer's own English sentence (it names the value and what was
 * expected), elsewhere the error catalogue's sentence for its code followed by the value as the file has it.
 */
function badRowReason(bad: { code: string; reason: string; value: string | null }): string {
  const locale = cliLocale();
  const sentence = sharedMessage(locale, "errors", bad.code as ErrorMessageKey);
  if (locale === "en" || sentence === undefined) return bad.reason;
  const reason = translate(locale, "errors", bad.code as ErrorMessageKey);
  return bad.value ? `${reason}: ${bad.value}` : reason;
}

/** Reads a JSON file, naming the file and the line and column of a syntax error. */
function readMappingFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    throw new CliError(cliText("cannotReadFile", { path, code: (err as NodeJS.ErrnoException).code ?? "error" }));
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const position = Number((err instanceof Error ? err.message : "").match(/position (\d+)/)?.[1]);
    if (!Number.isFinite(position)) throw new CliError(cliText("invalidJson", { path }));
    const before = text.slice(0, position).split("\n");
    throw new CliError(cliText("invalidJsonAt", { path, line: before.length, column: before.at(-1)!.length + 1 }));
  }
}

/** A progress bar on standard error, only when it is a terminal (never in pipes, logs or tests). */
function progressBar(): {
  update(p: ImportProgress): void;
  publishing(sent: number, events: number): void;
  stop(): void;
} {
  if (!process.stderr.isTTY) return { update: () => undefined, publishing: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: "{phase} [{bar}] {percentage}% {detail}",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { phase: PHASE_LABEL.prepare.padEnd(9), detail: "" });
  return {
    update: (p) =>
      bar.update(Math.round(p.fraction * 1000), {
        phase: PHASE_LABEL[p.phase].padEnd(9),
        detail: p.totalBytes ? `${formatBytes(p.bytesRead ?? 0)} of ${formatBytes(p.totalBytes)}` : "",
      }),
    publishing: (sent, events) =>
      bar.update(events > 0 ? Math.round((sent / events) * 1000) : 1000, {
        phase: cliText("importEvents.publishing").padEnd(9),
        detail: `${n(sent)} / ${n(events)}`,
      }),
    stop: () => bar.stop(),
  };
}

/** The result of an import as the lines a person reads, in the CLI's language. */
function summary(r: ImportResult): string {
  const read = [r.format.toUpperCase()];
  if (r.encoding) read.push(r.encoding);
  if (r.delimiter) read.push(cliText("importEvents.delimiter", { delimiter: JSON.stringify(r.delimiter) }));
  const lines = [
    cliText("importEvents.imported", {
      events: n(r.eventsStored),
      file: r.fileName,
      source: r.source.name,
      importId: r.importId,
    }),
    cliText("importEvents.read", { rows: n(r.rowsRead), format: read.join(", "), timestampFormat: r.timestampFormat }),
  ];
  if (r.duplicatesSkipped || r.rowsWithoutIdentifierSkipped)
    lines.push(
      cliText("importEvents.skipped", {
        duplicates: n(r.duplicatesSkipped),
        withoutIdentifier: n(r.rowsWithoutIdentifierSkipped),
      }),
    );
  if (r.badRowsSkipped) {
    lines.push(cliText("importEvents.badRows", { count: n(r.badRowsSkipped) }));
    for (const bad of r.skippedRows.slice(0, LISTED_BAD_ROWS))
      lines.push(
        cliText("importEvents.badRow", { row: n(bad.row), column: bad.column ?? "", reason: badRowReason(bad) }),
      );
    if (r.badRowsSkipped > LISTED_BAD_ROWS)
      lines.push(cliText("importEvents.moreBadRows", { count: n(r.badRowsSkipped - LISTED_BAD_ROWS) }));
  }
  lines.push(
    cliText("importEvents.customers", {
      customers: n(r.customers),
      identifiers: n(r.identities),
      merges: n(r.merges),
    }),
  );
  if (r.junk.length)
    lines.push(
      cliText("importEvents.placeholders", {
        list: r.junk
          .slice(0, 5)
          .map((j) => `${j.kind} ${JSON.stringify(j.value)} ×${n(j.count)}`)
          .join(", "),
      }),
    );
  for (const i of r.ignoredIdentifiers)
    lines.push(
      cliText("importEvents.overCap", {
        kind: i.kind,
        value: JSON.stringify(i.value),
        partners: n(i.partners),
        partnerKind: i.partnerKind,
      }),
    );
  if (r.mappingOrigin === "guessed") lines.push(cliText("importEvents.guessedMapping"));
  // The guess's notes worded in the reader's language from their codes (the English `warnings` are the API's).
  for (const note of r.notes)
    lines.push(
      cliText("importEvents.note", {
        message: translate(cliLocale(), "vocabulary", `guessNote.${note.code}`, note.values),
      }),
    );
  if (r.storeError) lines.push(cliText("importEvents.storeError", { message: r.storeError }));
  return lines.join("\n");
}

/** `cjm import-events`: imports a file of customer events into a workspace, all or nothing. */
export function registerImportEventsCommand(program: Command): void {
  program
    .command("import-events <file>")
    .description(cliText("importEvents.description"))
    .requiredOption("--workspace <workspaceId>", cliText("importEvents.option.workspace"))
    .requiredOption("--source <name>", cliText("importEvents.option.source"))
    .option("--kind <kind>", cliText("importEvents.option.kind"), "other")
    .option("--mapping <file>", cliText("importEvents.option.mapping"))
    .option("--format <format>", cliText("importEvents.option.format"))
    .option("--encoding <encoding>", cliText("importEvents.option.encoding"))
    .option("--delimiter <char>", cliText("importEvents.option.delimiter"))
    .option("--time-zone <zone>", cliText("importEvents.option.timeZone"))
    .option("--timestamp-format <format>", cliText("importEvents.option.timestampFormat"))
    .option("--deny <value>", cliText("importEvents.option.deny"), (v: string, all: string[] = []) => [...all, v])
    .option("--max-identifier-links <n>", cliText("importEvents.option.maxIdentifierLinks"))
    .option("--on-over-cap <action>", cliText("importEvents.option.onOverCap"), "fail")
    .option("--duplicates <action>", cliText("importEvents.option.duplicates"))
    .option("--skip-bad-rows", cliText("importEvents.option.skipBadRows"))
    .option("--json", cliText("importEvents.option.json"))
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(Options, raw);
      let mapping: unknown;
      if (o.mapping) {
        const parsed = ImportMappingSchema.safeParse(readMappingFile(o.mapping));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new CliError(`${o.mapping}: ${["mapping", ...issue.path.map(String)].join(".")}: ${issueText(issue)}`);
        }
        mapping = parsed.data;
      }
      const services = await openServices(loadConfig(process.env, dataDirOverride(program)));
      const bar = progressBar();
      // Ctrl-C or SIGTERM cancels the import: it rolls back and its history says so (a second one ends the process).
      const cancel = new AbortController();
      const stop = () => cancel.abort("by a stop signal (Ctrl-C or SIGTERM)");
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const ws = await findWorkspaceRef(services.db, o.workspace);
        if (!ws) throw new CliError(cliText("noWorkspace", { id: o.workspace }));
        const db = await services.analytics.open(ws.id).catch((err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          if (/lock/i.test(message)) throw new CliError(cliText("importEvents.locked", { workspace: ws.id }));
          throw err;
        });
        const result = await importEvents(db, {
          path: file,
          source: { name: o.source, kind: o.kind },
          mapping: mapping as z.input<typeof ImportMappingSchema> | undefined,
          format: o.format,
          encoding: o.encoding,
          delimiter: o.delimiter === "tab" ? "\t" : o.delimiter,
          timeZone: o.timeZone,
          timestampFormat: o.timestampFormat,
          duplicates: o.duplicates,
          skipBadRows: o.skipBadRows,
          denyList: o.deny,
          limits: {
            onOverCap: o.onOverCap,
            ...(o.maxIdentifierLinks ? { maxLinksPerIdentifier: o.maxIdentifierLinks } : {}),
          },
          onProgress: (p) => bar.update(p),
          signal: cancel.signal,
        });
        // With CLICKHOUSE_URL, the import is finished once ClickHouse has its events too, exactly as through the API.
        if (services.analytics.clickHouse) {
          await publishWorkspaceEvents(services.analytics, ws.id, {
            importId: result.importId,
            signal: cancel.signal,
            onProgress: (sent, events) => bar.publishing(sent, events),
          }).catch((err: unknown) => {
            throw new CliError(
              [cliErrorOf(err).message, cliText("importEvents.publishFailed", { importId: result.importId })].join(
                "\n",
              ),
            );
          });
        }
        bar.stop();
        console.log(o.json ? JSON.stringify(result, null, 2) : summary(result));
        if (services.analytics.clickHouse && !o.json) console.log(cliText("importEvents.published"));
      } catch (err) {
        bar.stop();
        throw err instanceof ImportError
          ? new CliError(localisedErrorMessage({ code: err.code, message: err.message }, cliLocale()))
          : err;
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        await services.close();
      }
    });
}
