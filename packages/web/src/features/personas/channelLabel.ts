import { channelName, type Channel, type Locale } from "@opencjm/core";

/**
 * A channel's name for the reader: built-in channels in the UI language (the workspace stored them in its own
 * language when it was created), custom channels as their team named them.
 */
export function channelLabel(channel: Channel, locale: Locale): string {
  return (channel.builtIn && channelName(channel.key, locale)) || channel.name;
}
