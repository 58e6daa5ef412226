/** Minimal shape of the OpenAPI 3.1 document parts the reference page reads. */
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation | undefined>>;
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
}
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  description?: string;
}

/** Escapes text for HTML so nothing in the document can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeOf).join(" | ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object");
}

function fieldsTable(schema: Schema | undefined): string {
  const props = schema?.properties;
  if (!props) return schema ? `<p class="type">${escapeHtml(typeOf(schema))}</p>` : "";
  const rows = Object.entries(props)
    .map(
      ([name, s]) =>
        `<tr><td><code>${escapeHtml(name)}</code>${schema.required?.includes(name) ? " *" : ""}</td><td>${escapeHtml(typeOf(s))}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>field</th><th>type</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Renders the API reference as one self-contained HTML page (no scripts, no external assets). */
export function renderApiReference(doc: OpenApiDoc): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        if (!op) return "";
        const params = (op.parameters ?? [])
          .map((p) => `<code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ", required" : ""})`)
          .join(", ");
        const body = op.requestBody?.content?.["application/json"]?.schema;
        const responses = Object.entries(op.responses ?? {})
          .map(([code, r]) => `<li><b>${escapeHtml(code)}</b> ${escapeHtml(r.description ?? "")}</li>`)
          .join("");
        return `<section><h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? "")}</p>${params ? `<p>Parameters: ${params}</p>` : ""}${body ? `<h4>Request body</h4>${fieldsTable(body)}` : ""}<h4>Responses</h4><ul>${responses}</ul></section>`;
      }),
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)} API reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}section{border-top:1px solid #dde2ea;padding:.5rem 0}code{background:#f2f4f8;padding:0 .25rem;border-radius:3px}.m{font-weight:700;font-size:.8rem;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#5b6b82}.get{background:#2f7d4f}.post{background:#2d5fb8}.patch{background:#a86b12}.delete{background:#b23b3b}table{border-collapse:collapse}td,th{border:1px solid #dde2ea;padding:.2rem .5rem;text-align:left}</style></head>
<body><h1>${escapeHtml(doc.info.title)} API <small>${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a></p>${sections}</body></html>`;
}
