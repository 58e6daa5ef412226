import type { Channel } from "../schemas/touchpoint.js";

/** Names data sources commonly give channels, and the built-in channel each means. */
const ALIASES: Record<string, string> = {
  web: "website",
  site: "website",
  online: "website",
  app: "mobile-app",
  mobile: "mobile-app",
  mail: "email",
  "e-mail": "email",
  newsletter: "email",
  chat: "live-chat",
  call: "phone",
  telephone: "phone",
  shop: "store",
  ads: "online-ads",
  survey: "email",
  social_media: "social",
};

/**
 * The catalogue channel an event's channel stands for: one whose key or name is the same (ignoring case), else a
 * known alias ("web" is the website), else the website, so a touchpoint made from any event has a channel.
 */
export function channelForEvent(channels: readonly Channel[], eventChannel: string | null): Channel | undefined {
  const wanted = (eventChannel ?? "").trim().toLowerCase();
  const byKey = (key: string) => channels.find((c) => c.key.toLowerCase() === key || c.name.toLowerCase() === key);
  return (wanted ? (byKey(wanted) ?? byKey(ALIASES[wanted] ?? "")) : undefined) ?? byKey("website") ?? channels[0];
}
