import { ApiError } from "../http/apiError.js";

/** A file that cannot be imported: 400 `invalid_file`, naming where the problem is (field path, line or cell). */
export function importFileError(location: string, message: string): ApiError {
  return new ApiError(400, "invalid_file", `${location}: ${message}`, [{ path: location, message }]);
}

/** A file in a format we do not read: 400 `unsupported_format`. */
export function unsupportedFormat(message: string): ApiError {
  return new ApiError(400, "unsupported_format", message, [{ path: "file", message }]);
}

/** Formats a zod path the way users read it: `touchpoints[0].medium`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}
