import { z } from "zod";
import { schemaIssueMessage } from "../errors/localiseError.js";
import { cliLocale } from "./cliLanguage.js";

/** An error the CLI prints as `error: …` (no stack trace) before exiting with status 1. */
export class CliError extends Error {}

/** A password option that may also come from CJM_PASSWORD, so a missing one says both ways to give it. */
export const PasswordOption = z
  .string({
    error: (issue) => (issue.input === undefined ? "is required (give --password or set CJM_PASSWORD)" : undefined),
  })
  .min(10, "must be at least 10 characters");

/** Parses CLI options with zod, turning the first problem into a CliError naming the option, in the CLI's language. */
export function parseOptions<T extends z.ZodType>(schema: T, options: unknown): z.infer<T> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name =
    issue?.path.map((p) => `--${String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(" ") || "options";
  const message = issue && issueText(issue);
  throw new CliError(`${name}: ${message ?? "invalid"}`);
}

/** A zod issue's message in the CLI's language (zod's own English when the catalogue has no wording for it). */
export function issueText(issue: z.core.$ZodIssue): string {
  return schemaIssueMessage(issue, cliLocale()) ?? issue.message;
}
