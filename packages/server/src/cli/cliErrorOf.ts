import { DomainError } from "../errors/DomainError.js";
import { localisedErrorMessage } from "../errors/localiseError.js";
import { CliError } from "./CliError.js";
import { cliLocale } from "./cliLanguage.js";

/** How a command names what a domain error is about: its options by field, and the file it was reading. */
export interface CliErrorContext {
  /** CLI option per input field, so `personaId: …` reads `--persona: …`. */
  options?: Record<string, string>;
  /** The file the command was given; a message not already naming it first is prefixed with it. */
  file?: string;
  /** Prefix the file even when the message starts with its name (the file's content was fine, the import was not). */
  always?: boolean;
  /** The CLI's own sentence for a code, e.g. `not_found` → `--map: no map "…"`. */
  codes?: Record<string, string>;
}

/**
 * The one place a command's failure becomes the CLI's `error: …` line: a domain error is named in the CLI's terms
 * (its option or file) and worded in the CLI's language (errors catalogue, like the API), anything else keeps its
 * message. Every cjm command turns failures into CliError through here.
 */
export function cliErrorOf(err: unknown, context: CliErrorContext = {}): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof DomainError) {
    const own = context.codes?.[err.code];
    if (own !== undefined) return new CliError(own);
    const message = localisedErrorMessage(err, cliLocale());
    const option = err.field === undefined ? undefined : context.options?.[err.field];
    if (option !== undefined)
      return new CliError(
        `${option}: ${message.startsWith(`${err.field}: `) ? message.slice(err.field!.length + 2) : message}`,
      );
    return new CliError(
      context.file === undefined || (!context.always && message.startsWith(context.file))
        ? message
        : `${context.file}: ${message}`,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new CliError(context.file === undefined ? message : `${context.file}: ${message}`);
}
