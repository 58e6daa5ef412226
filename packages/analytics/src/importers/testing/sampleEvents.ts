import { writeFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import type { ImportFormat, ImportMappingInput } from "@opencjm/core";

/** Six events of three customers, with e-mail, phone, a score, text in three scripts and an attribute. */
export const SAMPLE_ROWS = [
  {
    email: "Ana@Example.com",
    phone: "",
    ts: "2024-03-01T09:00:00Z",
    event: "Visited site",
    channel: "web",
    score: "",
    kind: "",
    text: "",
    plan: "free",
  },
  {
    email: "ana@example.com",
    phone: "+49 30 1234567",
    ts: "2024-03-01T09:05:00Z",
    event: "Signed up",
    channel: "web",
    score: "",
    kind: "",
    text: "",
    plan: "pro",
  },
  {
    email: "",
    phone: "49301234567",
    ts: "2024-03-02T10:00:00Z",
    event: "Called support",
    channel: "phone",
    score: "4",
    kind: "csat",
    text: "Очень помогли, спасибо",
    plan: "",
  },
  {
    email: "bo@example.com",
    phone: "",
    ts: "2024-03-03T11:30:00Z",
    event: "Visited site",
    channel: "web",
    score: "",
    kind: "",
    text: "",
    plan: "basic",
  },
  {
    email: "bo@example.com",
    phone: "",
    ts: "2024-03-04T12:00:00Z",
    event: "Answered survey",
    channel: "survey",
    score: "9",
    kind: "nps",
    text: "很好用",
    plan: "",
  },
  {
    email: "",
    phone: "+1 555 0100 200",
    ts: "2024-03-05T08:15:00Z",
    event: "Called support",
    channel: "phone",
    score: "2",
    kind: "ces",
    text: "پشتیبانی خوب بود",
    plan: "",
  },
];

/** The mapping of the sample in every format. */
export const SAMPLE_MAPPING: ImportMappingInput = {
  columns: {
    email: { role: "identifier", kind: "email" },
    phone: { role: "identifier", kind: "phone" },
    ts: { role: "timestamp" },
    event: { role: "event" },
    channel: { role: "channel" },
    score: { role: "score" },
    kind: { role: "scoreKind" },
    text: { role: "text" },
    plan: { role: "attribute" },
  },
};

const HEADER = Object.keys(SAMPLE_ROWS[0]!) as Array<keyof (typeof SAMPLE_ROWS)[number]>;
const csvCell = (v: string) => (/[",\n;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The sample as delimited text. */
export function sampleDelimited(delimiter = ","): string {
  return (
    [HEADER.join(delimiter), ...SAMPLE_ROWS.map((r) => HEADER.map((h) => csvCell(r[h])).join(delimiter))].join("\n") +
    "\n"
  );
}

/** Writes the sample in one format and returns the file's path. */
export async function writeSample(format: ImportFormat, path: string): Promise<string> {
  const objects = SAMPLE_ROWS.map((r) => Object.fromEntries(HEADER.filter((h) => r[h] !== "").map((h) => [h, r[h]])));
  switch (format) {
    case "csv":
      writeFileSync(path, sampleDelimited(","));
      break;
    case "tsv":
      writeFileSync(path, sampleDelimited("\t"));
      break;
    case "json":
      writeFileSync(path, JSON.stringify(objects, null, 2));
      break;
    case "ndjson":
      writeFileSync(path, objects.map((o) => JSON.stringify(o)).join("\n") + "\n");
      break;
    case "xlsx": {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Events");
      sheet.addRow(HEADER);
      for (const r of SAMPLE_ROWS)
        sheet.addRow(
          HEADER.map((h) => (h === "ts" ? new Date(r.ts) : h === "score" && r.score ? Number(r.score) : r[h])),
        );
      await workbook.xlsx.writeFile(path);
      break;
    }
    case "parquet": {
      const csv = `${path}.csv`;
      writeFileSync(csv, sampleDelimited(","));
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      await connection.run(
        `COPY (SELECT * REPLACE (ts::TIMESTAMPTZ AS ts, TRY_CAST(score AS INTEGER) AS score) FROM read_csv('${csv}', all_varchar = true)) TO '${path}' (FORMAT parquet)`,
      );
      connection.closeSync();
      instance.closeSync();
      break;
    }
    case "xes": {
      const attr = (key: string, value: string) =>
        value
          ? `      <${key === "ts" ? "date" : "string"} key="${key === "ts" ? "time:timestamp" : key}" value="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>\n`
          : "";
      const events = SAMPLE_ROWS.map(
        (r) => `    <event>\n${HEADER.map((h) => attr(h, r[h])).join("")}    </event>\n`,
      ).join("");
      writeFileSync(
        path,
        `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n  <trace>\n    <string key="concept:name" value="all"/>\n${events}  </trace>\n</log>\n`,
      );
      break;
    }
  }
  return path;
}
