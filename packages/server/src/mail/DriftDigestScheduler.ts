import { sendDriftDigests } from "../commands/driftDigestSender.js";
import type { Services } from "../services.js";
import { lastScheduledRun, nextScheduledRun, type DriftDigestSchedule } from "./driftDigestSchedule.js";

// setTimeout holds at most 2³¹−1 ms (about 24.8 days); a week fits, but the timer re-arms rather than trust that.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The one scheduled job of the server: the weekly drift digest e-mail, run at the schedule's moment by a timer in the
 * process (and once at start when this week's moment has passed, so a server that was down then still sends it; a
 * member never gets one week's digest twice). Returns the function that stops it.
 */
export function startDriftDigestSchedule(
  services: Services,
  schedule: DriftDigestSchedule,
  log: (line: string) => void = (line) => console.log(line),
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const runFor = async (moment: number) => {
    const week = new Date(moment).toISOString().slice(0, 10);
    try {
      const run = await sendDriftDigests(services, week);
      if (run.sent || run.failed.length)
        log(`drift digest ${week}: ${run.sent} sent${run.failed.map((f) => `; failed: ${f}`).join("")}`);
    } catch (err) {
      log(`drift digest ${week} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const arm = () => {
    if (stopped) return;
    const target = nextScheduledRun(schedule, Date.now());
    timer = setTimeout(
      () => {
        if (Date.now() < target) return arm();
        void runFor(target).finally(arm);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, target - Date.now())),
    );
    timer.unref();
  };
  void runFor(lastScheduledRun(schedule, Date.now())).finally(arm);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
