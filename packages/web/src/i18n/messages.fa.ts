import type { Message } from "./messages.js";

/** Every Persian catalogue file, bundled into one chunk so the language arrives in a single request. */
export default import.meta.glob<Record<string, Message>>("./*/fa.json", { eager: true, import: "default" });
