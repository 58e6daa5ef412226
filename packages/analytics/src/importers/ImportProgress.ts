/** The phases of an import, in order. */
export const IMPORT_PHASES = ["prepare", "read", "check", "stitch", "write", "store"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

// Rough share of the whole each phase takes on a large CSV, so one bar moves evenly.
const WEIGHTS: Record<ImportPhase, number> = {
  prepare: 0.15,
  read: 0.35,
  check: 0.1,
  stitch: 0.1,
  write: 0.2,
  store: 0.1,
};

/** Where an import is: its phase, how far through that phase, and the overall fraction. */
export interface ImportProgress {
  phase: ImportPhase;
  /** 0–1 within the phase. */
  phaseFraction: number;
  /** 0–1 over the whole import. */
  fraction: number;
  bytesRead?: number;
  totalBytes?: number;
}

/** Builds a progress report for a phase and the fraction done within it. */
export function progressAt(
  phase: ImportPhase,
  phaseFraction: number,
  extra: Pick<ImportProgress, "bytesRead" | "totalBytes"> = {},
): ImportProgress {
  const clamped = Math.max(0, Math.min(1, phaseFraction));
  let before = 0;
  for (const p of IMPORT_PHASES) {
    if (p === phase) break;
    before += WEIGHTS[p];
  }
  return { phase, phaseFraction: clamped, fraction: Math.min(1, before + WEIGHTS[phase] * clamped), ...extra };
}
