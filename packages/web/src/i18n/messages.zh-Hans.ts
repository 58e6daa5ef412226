import type { Message } from "./messages.js";

/** Every Simplified Chinese catalogue file, bundled into one chunk so the language arrives in a single request. */
export default import.meta.glob<Record<string, Message>>("./*/zh-Hans.json", { eager: true, import: "default" });
