import { BUILT_IN_CHANNELS, LOCALES } from "@opencjm/core";

// Words that name a built-in channel in files from other tools, besides the channels' own names.
const CHANNEL_WORDS: Array<[string, RegExp]> = [
  ["email", /\be-?mail\b|\bnewsletter/i],
  ["mobile-app", /\bapp\b|\bmobile app\b/i],
  ["live-chat", /\bchat\b|\bchatbot\b|\bbot\b/i],
  ["phone", /\bphone\b|\bcall\b|\bhotline\b/i],
  ["sms", /\bsms\b|\btext message/i],
  ["social", /\bsocial\b|instagram|facebook|linkedin|youtube|tiktok/i],
  ["search", /\bgoogle\b|\bsearch engine/i],
  ["support", /\bsupport\b|\bticket\b|\bhelp ?desk\b/i],
  ["store", /\bstore\b|\bshop\b|\bin-person\b|\bcounter\b|\bkiosk\b/i],
  ["meeting", /\bmeeting\b|\bdemo\b/i],
  ["events", /\bconference\b|\btrade show\b/i],
  ["review-sites", /\breviews?\b/i],
  ["delivery", /\bdeliver(y|ed)?\b|\bshipping\b|\bparcel\b/i],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Latin and Cyrillic names must stand as words ("TV" is not in "activity"); CJK and Persian names have no spaces.
const NAME_PATTERNS = BUILT_IN_CHANNELS.map((c) => ({
  key: c.key,
  patterns: [c.key, ...LOCALES.map((l) => c.name[l])].map((name) =>
    /^[\p{Script=Latin}\p{Script=Cyrillic}\d\s-]+$/u.test(name)
      ? new RegExp(`(?<![\\p{L}\\d])${escape(name)}(?![\\p{L}\\d])`, "iu")
      : new RegExp(escape(name), "iu"),
  ),
}));

/** A channel guessed from a touchpoint's words, with the words that decided it. */
export interface ChannelGuess {
  id: string;
  medium: "digital" | "physical";
  /** The word of the text that names the channel. */
  because: string;
}

/**
 * The built-in channel a touchpoint belongs to, when its name or tags name exactly one (`guess`); with none or
 * several named (`named` lists them) there is no guess, so the caller says it did not know instead of guessing.
 */
export function guessChannel(words: string): { guess: ChannelGuess | undefined; named: string[] } {
  const found = new Map<string, string>();
  for (const [key, re] of CHANNEL_WORDS) {
    const match = words.match(re);
    if (match) found.set(key, match[0]);
  }
  for (const { key, patterns } of NAME_PATTERNS) {
    const match = patterns.map((re) => words.match(re)).find(Boolean);
    if (match && !found.has(key)) found.set(key, match[0]);
  }
  const named = [...found.keys()];
  if (found.size !== 1) return { guess: undefined, named };
  const [[key, because]] = [...found] as [[string, string]];
  const channel = BUILT_IN_CHANNELS.find((c) => c.key === key)!;
  const medium = channel.online && !/physical|paper|in-person/i.test(words) ? "digital" : "physical";
  return { guess: { id: channel.key, medium, because }, named };
}

/** The built-in channel whose name (in any language) or key is exactly this text. */
export function channelByName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return BUILT_IN_CHANNELS.find((c) => c.key === wanted || LOCALES.some((l) => c.name[l].toLowerCase() === wanted))
    ?.key;
}
