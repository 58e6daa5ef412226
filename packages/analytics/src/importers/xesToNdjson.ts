import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import sax from "sax";
import { ImportError } from "./ImportError.js";

const ATTRIBUTE_TAGS = new Set(["string", "date", "int", "float", "boolean", "id"]);

/**
 * Streams an XES event log (IEEE 1849) into NDJSON, one object per event: the event's attributes under their keys
 * and its trace's attributes as `case:<key>` (the pm4py convention, so `case:concept:name` is the case id). Only
 * attributes directly on a trace or event count; nested list/container attributes are skipped. Returns the keys
 * seen, in first-seen order.
 */
export async function xesToNdjson(
  source: string,
  target: string,
  file: string,
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<string[]> {
  const out = createWriteStream(target, { encoding: "utf8" });
  const keys = new Map<string, true>();
  let trace: Record<string, string> | undefined;
  let event: Record<string, string> | undefined;
  let depth = 0; // element depth inside the current trace or event, to skip nested attributes
  let events = 0;

  const parser = sax.createStream(true, { trim: false });
  parser.on("opentag", (tag) => {
    const name = tag.name.toLowerCase();
    if (name === "trace") {
      trace = {};
      depth = 0;
      return;
    }
    if (name === "event") {
      event = {};
      depth = 0;
      return;
    }
    depth++;
    const target = event ?? trace;
    if (!target || depth !== 1 || !ATTRIBUTE_TAGS.has(name)) return;
    const key = String(tag.attributes.key ?? "");
    const value = String(tag.attributes.value ?? "");
    if (key) target[event ? key : `case:${key}`] = value;
  });
  parser.on("closetag", (tagName) => {
    const name = tagName.toLowerCase();
    if (name === "event" && event) {
      const row = { ...trace, ...event };
      for (const k of Object.keys(row)) keys.set(k, true);
      events++;
      // sax parses far slower than a disk writes, so the write buffer stays small without back-pressure.
      out.write(`${JSON.stringify(row)}\n`);
      event = undefined;
      return;
    }
    if (name === "trace") {
      trace = undefined;
      return;
    }
    depth--;
  });

  let bytes = 0;
  const input = createReadStream(source, { highWaterMark: 1 << 20, signal });
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on("error", (err) =>
        reject(new ImportError("malformed_file", `not a valid XES/XML file (${err.message.split("\n")[0]})`, { file })),
      );
      parser.on("end", () => resolve());
      input.on("error", reject);
      input.on("data", (chunk) => {
        bytes += chunk.length;
        onBytes?.(bytes);
      });
      input.pipe(parser);
    });
  } finally {
    input.destroy();
  }
  out.end();
  await once(out, "finish");
  if (events === 0) throw new ImportError("header_only", "the XES log has no events", { file });
  return [...keys.keys()];
}
