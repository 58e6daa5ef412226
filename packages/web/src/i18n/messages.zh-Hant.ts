import type { Message } from "./messages.js";

/** Every Traditional Chinese catalogue file, bundled into one chunk so the language arrives in a single request. */
export default import.meta.glob<Record<string, Message>>("./*/zh-Hant.json", { eager: true, import: "default" });
