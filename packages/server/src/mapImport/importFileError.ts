import { DomainError, fieldError } from "../errors/DomainError.js";

/** A file that cannot be imported: 400 `invalid_file`, naming where the problem is (field path, line or cell). */
export function importFileError(location: string, message: string): DomainError {
  return fieldError(location, message, { code: "invalid_file" });
}

/** A file in a format we do not read: 400 `unsupported_format`. */
export function unsupportedFormat(message: string): DomainError {
  return new DomainError({
    kind: "invalid",
    code: "unsupported_format",
    message,
    details: [{ path: "file", message }],
  });
}

/** Formats a zod path the way users read it: `touchpoints[0].medium`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}
