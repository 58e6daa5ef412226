import { ApiRequestError } from "../../api/apiClient.js";

/** The first problem the server named for each field of a form (by the issue's path), for messages under inputs. */
export function fieldErrors(error: unknown, fields: readonly string[]): Record<string, true> {
  const out: Record<string, true> = {};
  if (!(error instanceof ApiRequestError)) return out;
  for (const issue of error.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field) out[field] = true;
  }
  return out;
}
