/** Colour of each pain-point severity, 1 (mild, green) to 5 (critical, red); readable as text on white. */
export const SEVERITY_COLORS: Readonly<Record<number, string>> = {
  1: "#2f855a",
  2: "#7a8a1f",
  3: "#b7791f",
  4: "#c05621",
  5: "#c0392b",
};

/** The colour of a severity (clamped to 1…5). */
export function severityColor(severity: number): string {
  return SEVERITY_COLORS[Math.min(5, Math.max(1, Math.round(severity)))]!;
}
