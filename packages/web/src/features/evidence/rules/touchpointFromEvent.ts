import { channelForEvent, type Channel, type ChannelId, type Touchpoint, type TouchpointRule } from "@opencjm/core";
import { createCatalogueTouchpoint, createRule } from "../api/evidenceApi.js";

/**
 * Turns an unmapped event into a touchpoint of the catalogue (named after the event, on the matching channel) and
 * the rule that maps the event to it, in one go.
 */
export async function touchpointFromEvent(
  workspaceId: string,
  channels: readonly Channel[],
  event: { eventName: string; channel: string | null },
): Promise<{ touchpoint: Touchpoint; rule: TouchpointRule }> {
  const channel = channelForEvent(channels, event.channel);
  const touchpoint = await createCatalogueTouchpoint(workspaceId, {
    name: event.eventName.slice(0, 200),
    channelId: (channel?.id ?? "website") as ChannelId,
    medium: "digital",
    description: "",
    ownerTeam: "",
  });
  const rule = await createRule(workspaceId, {
    touchpointId: touchpoint.id,
    eventNames: [event.eventName],
    ...(event.channel ? { channel: event.channel } : {}),
    conditions: [],
  });
  return { touchpoint, rule };
}
