import styles from "./PersonaAvatar.module.css";

/** FNV-1a: a small, stable hash, so the same seed draws the same avatar on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Up to two initials of a name in any script: the first letters of its first two words ("Ana Costa, buyer" → "AC"),
 * or its first two letters when it is one word; a Chinese name gives its first two characters ("王芳，新手妈妈" → "王芳").
 */
export function initialsOf(name: string): string {
  const words = name.split(/[\s,，、;；(（]+/u).filter((w) => /\p{L}/u.test(w));
  const first = (w: string | undefined) => [...(w ?? "")].find((ch) => /\p{L}/u.test(ch)) ?? "";
  // Chinese names are written without spaces and read best as their first two characters.
  if (/^\p{Script=Han}/u.test(words[0] ?? ""))
    return [...words[0]!]
      .filter((ch) => /\p{Script=Han}/u.test(ch))
      .slice(0, 2)
      .join("");
  const letters =
    words.length > 1
      ? first(words[0]) + first(words[1])
      : [...(words[0] ?? "")]
          .filter((ch) => /\p{L}/u.test(ch))
          .slice(0, 2)
          .join("");
  return letters.toLocaleUpperCase();
}

/** Photo URLs the app shows: our own API paths, http(s) links and image data URLs; anything else is ignored. */
export function isSafePhotoUrl(url: string | undefined): url is string {
  return !!url && /^(https?:\/\/|\/api\/|data:image\/(png|jpeg|gif|webp);base64,)/i.test(url);
}

/** The colours and shapes of the generated avatar for a seed. */
export function avatarDesign(seed: string): { hue: number; accentHue: number; shape: number; rotation: number } {
  const h = hash(seed);
  return { hue: h % 360, accentHue: (h >>> 9) % 360, shape: (h >>> 18) % 3, rotation: (h >>> 20) % 360 };
}

/**
 * A persona's photo, or a generated avatar (deterministic SVG from `avatarSeed`, else the name; no outside service).
 * Decorative: the persona's name is always written next to it.
 */
export function PersonaAvatar({
  name,
  photoUrl,
  avatarSeed,
  size = 48,
}: {
  name: string;
  photoUrl?: string;
  avatarSeed?: string;
  size?: number;
}) {
  if (isSafePhotoUrl(photoUrl))
    return (
      <img
        className={styles.avatar}
        src={photoUrl}
        alt=""
        width={size}
        height={size}
        style={{ width: size, height: size }}
      />
    );
  const { hue, accentHue, shape, rotation } = avatarDesign(avatarSeed || name);
  const initials = initialsOf(name);
  return (
    <svg
      className={styles.avatar}
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      data-testid="generated-avatar"
    >
      <rect width="64" height="64" fill={`hsl(${hue} 55% 88%)`} />
      <g transform={`rotate(${rotation} 32 32)`} fill={`hsl(${accentHue} 60% 70%)`} opacity="0.75">
        {shape === 0 && <circle cx="52" cy="12" r="22" />}
        {shape === 1 && <rect x="36" y="-8" width="40" height="40" rx="8" />}
        {shape === 2 && <path d="M64 0 L64 40 L24 0 Z" />}
      </g>
      <text
        x="32"
        y="33"
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={initials.length > 1 ? 22 : 26}
        fontWeight="600"
        fill={`hsl(${hue} 45% 28%)`}
        fontFamily="var(--font-ui)"
      >
        {initials}
      </text>
    </svg>
  );
}
