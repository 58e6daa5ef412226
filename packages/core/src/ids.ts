import { z } from "zod";

/** Ids are opaque, URL-safe strings; brands keep a StageId from being passed where a StepId is expected. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must contain only letters, digits, '_' and '-'");

export const WorkspaceIdSchema = IdSchema.brand<"WorkspaceId">();
export const UserIdSchema = IdSchema.brand<"UserId">();
export const PersonaIdSchema = IdSchema.brand<"PersonaId">();
export const ChannelIdSchema = IdSchema.brand<"ChannelId">();
export const TouchpointIdSchema = IdSchema.brand<"TouchpointId">();
export const MapIdSchema = IdSchema.brand<"MapId">();
export const StageIdSchema = IdSchema.brand<"StageId">();
export const StepIdSchema = IdSchema.brand<"StepId">();
export const LaneIdSchema = IdSchema.brand<"LaneId">();
export const CardIdSchema = IdSchema.brand<"CardId">();

export type WorkspaceId = z.infer<typeof WorkspaceIdSchema>;
export type UserId = z.infer<typeof UserIdSchema>;
export type PersonaId = z.infer<typeof PersonaIdSchema>;
export type ChannelId = z.infer<typeof ChannelIdSchema>;
export type TouchpointId = z.infer<typeof TouchpointIdSchema>;
export type MapId = z.infer<typeof MapIdSchema>;
export type StageId = z.infer<typeof StageIdSchema>;
export type StepId = z.infer<typeof StepIdSchema>;
export type LaneId = z.infer<typeof LaneIdSchema>;
export type CardId = z.infer<typeof CardIdSchema>;

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Returns a new random id (16 base-62 characters, ~95 bits) from the platform's CSPRNG. */
export function newId<T extends string = string>(prefix = ""): T {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % 62];
  return out as T;
}
