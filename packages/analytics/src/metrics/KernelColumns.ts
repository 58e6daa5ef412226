import type { JourneyStore } from "../store/JourneyStore.js";

/** The store columns the kernel reads (all typed arrays, shareable with worker threads). */
export type KernelColumns = Pick<
  JourneyStore,
  | "offsets"
  | "ts"
  | "key"
  | "scorePos"
  | "scoreValue"
  | "scoreKind"
  | "textPos"
  | "textId"
  | "textSentiment"
  | "textLanguage"
> & {
  /** Per event properties id; empty when no rule needs properties. */
  propertiesId: Int32Array;
};
