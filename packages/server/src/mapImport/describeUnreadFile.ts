/**
 * What a file we do not read as a map looks like, in a few words for the refusal ("YAML from Enablement Map Studio
 * (kinds cjm, sbp)", "a PDF document"), so the user learns what they gave and what to do instead. Undefined when
 * the bytes say nothing recognisable.
 */
export function describeUnreadFile(bytes: Uint8Array, json?: unknown): string | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF document; export the map from its tool as JSON, CSV or Excel";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "a PNG image, which holds no map data to read";
  if (starts(0xff, 0xd8, 0xff)) return "a JPEG image, which holds no map data to read";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "a GIF image, which holds no map data to read";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP")
    return "a WebP image, which holds no map data to read";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "an old Office file (.xls, .doc, .ppt); save it as .xlsx or CSV";
  if (json !== undefined) return describeJson(json);
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 8192))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("<")) {
    if (/<log[\s>]/.test(head) && /xes/i.test(head))
      return "an XES event log: import it as customer data (a data source), not as a map";
    if (/<(\w+:)?definitions[\s>]/.test(head) && /bpmn/i.test(head))
      return "a BPMN process model; only its journey can become a map, and BPMN is not read";
    if (/<svg[\s>]/.test(head)) return "an SVG image, which holds no map data to read";
    if (/<html[\s>]|<!doctype html/i.test(head)) return "a web page (HTML)";
    return "XML that is neither an XES event log nor a BPMN model";
  }
  // The kinds of a multi-document YAML file are spread through it, not only in its first bytes.
  const kinds = [...new TextDecoder().decode(bytes.subarray(0, 1 << 20)).matchAll(/^kind:\s*([\w-]+)/gm)].map(
    (m) => m[1]!,
  );
  if (kinds.length && /^(---\s*\n)?kind:\s*(cjm|sbp|outcome|em)\b/m.test(head))
    return `YAML from Enablement Map Studio (kinds ${[...new Set(kinds)].join(", ")}), which is not read yet; export its journey as CSV laid out like our grid instead`;
  if (/^(---\s*\n)?([\w-]+:(\s|$)[^\n]*\n){2,}/.test(head)) return "YAML, which map import does not read";
  return undefined;
}

/** What a JSON file that is not a map is, by the fields at its root. */
function describeJson(json: unknown): string {
  if (Array.isArray(json)) return "a JSON list, not a map";
  if (!json || typeof json !== "object") return "a single JSON value, not a map";
  const keys = Object.keys(json);
  if (keys.includes("journeyMaps") && keys.includes("personas"))
    return "a Persona Lab export (personas, journeyMaps…), which is not read yet";
  if (keys.includes("lifecycle") && keys.includes("schema_version"))
    return "a service-blueprint IR (lifecycle, phases, paths), which is not read yet";
  const shown = keys.slice(0, 6).join(", ");
  return `JSON with the fields ${shown}${keys.length > 6 ? ", …" : ""}, neither an OpenCJM map nor an OpenJourney (.ojf) map`;
}
