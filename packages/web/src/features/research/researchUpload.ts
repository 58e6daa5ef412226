/** Encodings one may force instead of the server's detection (the five languages' legacy ones). */
export const UPLOAD_CHARSETS = ["utf-8", "gb18030", "big5", "windows-1251", "windows-1256"] as const;

/** A file's bytes as base64 (how research uploads travel in JSON), in slices so a large file does not overflow the call stack. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
