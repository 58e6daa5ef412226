/**
 * The URL as an image source when it is an image data URL, an absolute http(s) address, or a path on this server;
 * null otherwise (a protocol-relative `//host` or any other scheme is never loaded).
 */
export function safeImageSrc(url: string): string | null {
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url)) return url;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
