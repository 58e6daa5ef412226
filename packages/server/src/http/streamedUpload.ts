/** The event upload routes (an import and its preview): their body is a file streamed to disk, not JSON. */
const IMPORT_UPLOAD = /^\/api\/workspaces\/[^/]+\/sources\/(?:[^/]+\/imports|preview)$/;

/** Upload routes stream their body to disk, so the JSON body limit (MAX_BODY_BYTES) and JSON checks skip them. */
export function isStreamedUpload(method: string, path: string): boolean {
  return method === "POST" && IMPORT_UPLOAD.test(path);
}
