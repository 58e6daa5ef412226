import type { HistorySession, MapVersion } from "@opencjm/core";

/** Versions further apart than this (from one's first edit back to the previous one) start a new editing session. */
export const SESSION_GAP_MS = 30 * 60_000;

const startOf = (v: MapVersion) => v.authors.reduce((m, a) => (a.firstEditAt < m ? a.firstEditAt : m), v.createdAt);

/**
 * Groups versions (newest first) into editing sessions: a version joins the session after it when less than
 * `gapMs` passed between it and that session's first edit. Each session lists everyone who edited in it.
 */
export function groupVersionsIntoSessions(versions: MapVersion[], gapMs = SESSION_GAP_MS): HistorySession[] {
  const sessions: HistorySession[] = [];
  let current: HistorySession | undefined;
  for (const version of versions) {
    if (current && Date.parse(current.startedAt) - Date.parse(version.createdAt) <= gapMs) {
      current.versions.push(version);
      const start = startOf(version);
      if (start < current.startedAt) current.startedAt = start;
    } else {
      current = { startedAt: startOf(version), endedAt: version.createdAt, authors: [], versions: [version] };
      sessions.push(current);
    }
  }
  for (const session of sessions) {
    const names = new Map<string, string>();
    for (const v of session.versions) for (const a of v.authors) names.set(a.userId, a.name);
    session.authors = [...names].map(([userId, name]) => ({ userId, name }));
  }
  return sessions;
}
