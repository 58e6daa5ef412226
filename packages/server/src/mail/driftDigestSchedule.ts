const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const DAY = 86_400_000;

/** When the weekly drift digest goes out: a weekday and a time of day in UTC. */
export interface DriftDigestSchedule {
  weekday: number;
  minuteOfDay: number;
}

/**
 * Reads DRIFT_DIGEST_SCHEDULE: "mon 07:00" (a weekday's first three letters and a UTC time), or "off"; undefined for
 * "off", a RangeError naming the expected form for anything else.
 */
export function parseDriftDigestSchedule(text: string): DriftDigestSchedule | undefined {
  const value = text.trim().toLowerCase();
  if (value === "off") return undefined;
  const match = /^([a-z]{3})\s+([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  const weekday = match ? WEEKDAYS.indexOf(match[1]!) : -1;
  if (!match || weekday < 0)
    throw new RangeError(
      `DRIFT_DIGEST_SCHEDULE must look like "mon 07:00" (weekday, UTC time) or be "off", not "${text}"`,
    );
  return { weekday, minuteOfDay: Number(match[2]) * 60 + Number(match[3]) };
}

/** The latest scheduled moment at or before `now`: the week's run the digest belongs to. */
export function lastScheduledRun(schedule: DriftDigestSchedule, now: number): number {
  const midnight = Math.floor(now / DAY) * DAY;
  const today = new Date(midnight).getUTCDay();
  let run = midnight - ((today - schedule.weekday + 7) % 7) * DAY + schedule.minuteOfDay * 60_000;
  if (run > now) run -= 7 * DAY;
  return run;
}

/** The next scheduled moment after `now`. */
export function nextScheduledRun(schedule: DriftDigestSchedule, now: number): number {
  return lastScheduledRun(schedule, now) + 7 * DAY;
}
