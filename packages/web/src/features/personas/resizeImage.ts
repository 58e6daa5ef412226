/** Image types the photo upload accepts (the server checks the bytes too). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
/** Largest file the browser will try to read before resizing. */
export const MAX_PHOTO_FILE_BYTES = 15 * 1024 * 1024;

/**
 * Crops an image file to a centred square and scales it to `size` pixels as a JPEG, so a 12-megapixel phone photo
 * uploads as a few dozen kilobytes. Runs in the browser (canvas).
 */
export async function resizeToSquareJpeg(file: Blob, size = 512): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const target = Math.min(size, side);
    const canvas = document.createElement("canvas");
    canvas.width = target;
    canvas.height = target;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, target, target);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("could not encode the photo"))),
        "image/jpeg",
        0.85,
      ),
    );
  } finally {
    bitmap.close();
  }
}
