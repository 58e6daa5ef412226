import { MapOperationError } from "@opencjm/core";
import { ApiError } from "../../http/apiError.js";

/** Turns a refused map operation into a 404 (unknown id) or 422 (invalid edit) naming the operation and field. */
export function mapOperationErrorToApi(prefix: string) {
  return (err: unknown): never => {
    if (!(err instanceof MapOperationError)) throw err;
    const message = prefix && !err.message.startsWith(prefix) ? `${prefix}: ${err.message}` : err.message;
    const path = message.split(":")[0] ?? "body";
    throw new ApiError(
      err.code === "not_found" ? 404 : 422,
      err.code === "not_found" ? "not_found" : "invalid_operation",
      message,
      [{ path, message }],
    );
  };
}
