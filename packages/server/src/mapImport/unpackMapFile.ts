import { basename } from "node:path";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { checkZipSize } from "./checkZipSize.js";
import { importFileError, unsupportedFormat } from "./importFileError.js";

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// Folders and the resource forks a ZIP made on a Mac carries besides the file itself.
const isNoise = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || basename(name) === ".DS_Store";

/**
 * The map file inside a gzip file or a ZIP archive of one file, or undefined when the file is neither (an Excel
 * workbook is a ZIP too, and is read as one). What comes out is held to `maxBytes`, the limit of an uncompressed
 * map file, counted as it inflates: a "bomb" is refused, never unpacked.
 */
export async function unpackMapFile(
  file: { name: string; bytes: Uint8Array },
  maxBytes: number,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const { name, bytes } = file;
  if (isGzip(bytes)) {
    try {
      return {
        name: name.replace(/\.(gz|gzip)$/i, "") || "unpacked",
        bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }),
      };
    } catch (err) {
      const tooLarge = (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      throw importFileError(
        name,
        tooLarge ? `the gzip file unpacks to more than ${maxBytes} bytes` : "not a readable gzip file",
      );
    }
  }
  if (!isZip(bytes) || /\.xlsx$/i.test(name)) return undefined;
  const parts = (await checkZipSize(bytes, name, maxBytes, "ZIP archive")).filter((p) => !isNoise(p.name));
  // A workbook saved without the .xlsx extension is still a workbook.
  if (parts.some((p) => p.name === "[Content_Types].xml")) return undefined;
  if (parts.length !== 1)
    throw unsupportedFormat(
      parts.length === 0
        ? `${name}: the ZIP archive holds no file`
        : `${name}: the ZIP archive holds ${parts.length} files (${parts
            .slice(0, 5)
            .map((p) => p.name)
            .join(", ")}${parts.length > 5 ? ", …" : ""}); put the one map file in it alone`,
    );
  const [part] = parts as [(typeof parts)[number]];
  try {
    const inner = part.method === 0 ? part.data : inflateRawSync(part.data, { maxOutputLength: maxBytes });
    return { name: basename(part.name), bytes: new Uint8Array(inner) };
  } catch {
    throw importFileError(name, `${part.name} in the ZIP archive does not inflate`);
  }
}
