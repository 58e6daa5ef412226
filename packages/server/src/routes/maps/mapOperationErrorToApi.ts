import { MapOperationError } from "@opencjm/core";
import { DomainError } from "../../errors/DomainError.js";

/** Turns a refused map operation into a 404 (unknown id) or 422 (invalid edit) naming the operation and field. */
export function mapOperationErrorToApi(prefix: string) {
  return (err: unknown): never => {
    if (!(err instanceof MapOperationError)) throw err;
    const message = prefix && !err.message.startsWith(prefix) ? `${prefix}: ${err.message}` : err.message;
    const path = message.split(":")[0] ?? "body";
    const notFound = err.code === "not_found";
    throw new DomainError({
      kind: notFound ? "not_found" : "unprocessable",
      code: notFound ? "not_found" : "invalid_operation",
      message,
      field: message.includes(": ") ? path : undefined,
      details: [{ path, message }],
    });
  };
}
