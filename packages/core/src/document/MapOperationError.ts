/** Why an operation on a map was refused. */
export type MapOperationErrorCode = "not_found" | "invalid" | "out_of_range";

/** An operation that cannot apply to the map as it is; nothing was changed. */
export class MapOperationError extends Error {
  constructor(
    readonly code: MapOperationErrorCode,
    message: string,
    /** The field of the operation at fault, e.g. "stepId". */
    readonly field?: string,
  ) {
    super(message);
    this.name = "MapOperationError";
  }
}
