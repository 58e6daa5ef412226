import { z } from "zod";
import { ChannelIdSchema, TouchpointIdSchema } from "../ids.js";
import { patchSchema } from "./patchSchema.js";

/** A channel of contact: web, e-mail, store… (PRODUCT.md §3). */
export const ChannelSchema = z.strictObject({
  id: ChannelIdSchema,
  /** Stable key for built-in channels ("website", "pos"); used to pick the icon and translation. */
  key: z.string().min(1).max(60),
  name: z.string().trim().min(1).max(120),
  online: z.boolean(),
  icon: z.string().max(60),
  builtIn: z.boolean(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const TouchpointFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  channelId: ChannelIdSchema,
  description: z.string().max(2000).default(""),
  /** Physical (a store counter) or digital (a web page). */
  medium: z.enum(["digital", "physical"]),
  ownerTeam: z.string().max(120).default(""),
});
export type TouchpointFields = z.infer<typeof TouchpointFieldsSchema>;

/** A partial update of a touchpoint; fields left out stay as they are. */
export const TouchpointPatchSchema = patchSchema(TouchpointFieldsSchema);

export const TouchpointSchema = TouchpointFieldsSchema.extend({ id: TouchpointIdSchema });
export type Touchpoint = z.infer<typeof TouchpointSchema>;
