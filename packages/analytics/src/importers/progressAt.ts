import { IMPORT_PHASES, type ImportPhase, type ImportProgress } from "@opencjm/core";

// Rough share of the whole each phase takes on a large CSV, so one bar moves evenly.
const WEIGHTS: Record<ImportPhase, number> = {
  prepare: 0.15,
  read: 0.35,
  check: 0.1,
  stitch: 0.1,
  write: 0.2,
  store: 0.1,
};

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
