import { ApiRequestError } from "../../api/apiClient.js";

/** Error codes of the export, import and share endpoints that have a sentence in the `exchange.error.*` catalogue. */
const CODES = new Set(["invalid_file", "unsupported_format", "export_unavailable", "export_failed"]);

/**
 * The catalogue key for an exchange error, and the server's own detail when it says where in a file the problem is
 * (a line, cell or field: technical text shown as is, never as markup).
 */
export function exchangeError(error: unknown): { key: string; detail?: string } | undefined {
  if (!(error instanceof ApiRequestError) || !CODES.has(error.code)) return undefined;
  return { key: `exchange.error.${error.code}`, detail: error.code === "invalid_file" ? error.message : undefined };
}
