import type { Message } from "./messages.js";

/** Every Russian catalogue file, bundled into one chunk so the language arrives in a single request. */
export default import.meta.glob<Record<string, Message>>("./*/ru.json", { eager: true, import: "default" });
