import { cliLocale } from "./cliLanguage.js";

/** Display width: East Asian wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

/** A table for the terminal: the first column left-aligned, the others right-aligned, a rule under the header. */
export function terminalTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + " ".repeat(widths[i]! - width(c)) : " ".repeat(widths[i]! - width(c)) + c))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A number written the CLI language's way (Persian digits in Persian), "–" when there is none. */
export function cliNumber(value: number | null, maximumFractionDigits = 2): string {
  if (value === null) return "–";
  return new Intl.NumberFormat(cliLocale(), { maximumFractionDigits }).format(value);
}

/** A date (UTC) written the CLI language's way; a Persian reader gets the Persian calendar, as the screen shows. */
export function cliDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(cliLocale(), { dateStyle: "medium", timeZone: "UTC" }).format(ms);
}
