import { ApiRequestError } from "../../../api/apiClient.js";

/** A running upload: its answer, and a way to stop it. */
export interface Upload<T> {
  done: Promise<T>;
  cancel: () => void;
}

/**
 * Sends a file as the raw body of a POST with `XMLHttpRequest`, whose upload events (unlike fetch) report progress;
 * the answer's errors become `ApiRequestError`s like the JSON client's, and a cancelled upload rejects with an
 * `AbortError`.
 */
export function uploadWithProgress<T>(
  url: string,
  file: Blob,
  csrfToken: string | undefined,
  onProgress: (sent: number, total: number) => void,
): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onabort = () => reject(new DOMException("upload cancelled", "AbortError"));
    xhr.onerror = () => reject(new ApiRequestError(0, "network", "the upload was interrupted"));
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string; issues?: Array<{ path: string; message: string }> } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON (a proxy's error page): the status speaks.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else
        reject(
          new ApiRequestError(
            xhr.status,
            body.error?.code ?? `http_${xhr.status}`,
            body.error?.message ?? xhr.statusText,
            body.error?.issues ?? [],
          ),
        );
    };
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}
