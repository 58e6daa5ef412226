/**
 * The URL as an image source when it is an image data URL or an absolute http(s) address elsewhere; null otherwise.
 * A protocol-relative `//host` or any other scheme is never loaded, and neither is anything on this app itself (a
 * path, its own origin or host name) or on a loopback or private address: a card pointing at the app's API (say its
 * own export URL) would make every viewer's browser call it with their session (issue 11 item 8).
 */
export function safeImageSrc(url: string, appOrigin: string | undefined = globalThis.location?.origin): string | null {
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url)) return url;
  let parsed: URL;
  try {
    // No base: a relative path (on this server) does not parse, so it is never loaded.
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (isLocalHost(parsed.hostname)) return null;
  if (appOrigin) {
    const app = new URL(appOrigin);
    if (parsed.origin === app.origin || parsed.hostname === app.hostname) return null;
  }
  return parsed.href;
}

/** Loopback, unspecified, link-local and private addresses (as the URL parser normalises them) and `localhost`. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = host.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (!host.startsWith("[")) return false;
  const v6 = host.slice(1, -1);
  // ::, ::1, IPv4-mapped (::ffff:…, judged as the v4 address would be — conservatively refused), unique local, link-local.
  return v6 === "::" || v6 === "::1" || v6.startsWith("::ffff:") || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}
