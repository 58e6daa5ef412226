import { BUILT_IN_CHANNELS, LOCALES } from "@opencjm/core";

// Words that name a built-in channel in files from other tools; checked before the channels' own names.
const CHANNEL_WORDS: Array<[string, RegExp]> = [
  ["email", /e-?mail|newsletter/i],
  ["mobile-app", /\bapp\b|mobile/i],
  ["live-chat", /chat|bot\b/i],
  ["phone", /phone|call\b|hotline/i],
  ["sms", /\bsms\b|text message/i],
  ["social", /social|instagram|facebook|linkedin|youtube|tiktok/i],
  ["search", /search|google/i],
  ["support", /support|ticket|help ?desk/i],
  ["store", /store|shop\b|in-person|counter|kiosk/i],
  ["meeting", /meeting|demo\b|visit/i],
  ["events", /event|conference|trade show/i],
  ["review-sites", /review/i],
  ["delivery", /deliver|shipping|parcel/i],
];

/** The built-in channel a touchpoint most likely belongs to, by its name or tags; the website when nothing fits. */
export function guessChannel(words: string): { id: string; medium: "digital" | "physical" } {
  const lower = words.toLowerCase();
  const named = BUILT_IN_CHANNELS.find(
    (c) => LOCALES.some((l) => lower.includes(c.name[l].toLowerCase())) || lower.includes(c.key),
  );
  const key = CHANNEL_WORDS.find(([, re]) => re.test(words))?.[0] ?? named?.key ?? "website";
  const channel = BUILT_IN_CHANNELS.find((c) => c.key === key)!;
  return {
    id: channel.key,
    medium: channel.online && !/physical|paper|in-person/i.test(words) ? "digital" : "physical",
  };
}

/** The built-in channel whose name (in any language) or key is exactly this text. */
export function channelByName(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return BUILT_IN_CHANNELS.find((c) => c.key === wanted || LOCALES.some((l) => c.name[l].toLowerCase() === wanted))
    ?.key;
}
