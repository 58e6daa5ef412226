import { channelName, type Channel } from "@opencjm/core";
import type { UiLocale } from "../../../../i18n/locales.js";

/** A channel's name in the UI language: built-in channels are translated, custom ones keep the name they were given. */
export function channelLabel(channel: Channel, locale: UiLocale): string {
  return (channel.builtIn && channelName(channel.key, locale)) || channel.name;
}
