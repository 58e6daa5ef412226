import { LocaleSchema, type DriftDigest } from "@opencjm/core";
import { driftDigestEmail } from "../mail/driftDigestEmail.js";
import { mailerOf } from "../mail/Mailer.js";
import type { Services } from "../services.js";
import { claimDriftDigest, listDriftDigestRecipients } from "../store/driftStore.js";
import { buildDriftDigest } from "./driftDetector.js";

/** What one weekly run did: e-mails sent, members with nothing to report, and failures (kept going past them). */
export interface DriftDigestRun {
  sent: number;
  nothingToReport: number;
  failed: string[];
}

/**
 * Sends the weekly drift digest (PRODUCT.md §4.7) to every member who opted in and still belongs to the workspace:
 * the workspace's flagged steps, in their language, when there are any. `week` names the run (its scheduled day), so
 * a member gets it once per week even if the server restarts or several instances run the schedule.
 */
export async function sendDriftDigests(services: Services, week: string, now = Date.now()): Promise<DriftDigestRun> {
  const mailer = mailerOf(services.config);
  const run: DriftDigestRun = { sent: 0, nothingToReport: 0, failed: [] };
  if (!mailer.enabled) return run;
  const digests = new Map<string, DriftDigest>();
  for (const r of await listDriftDigestRecipients(services.db)) {
    try {
      let digest = digests.get(r.workspaceId);
      if (!digest) digests.set(r.workspaceId, (digest = await buildDriftDigest(services, r.workspaceId, now)));
      if (!(await claimDriftDigest(services.db, r.workspaceId, r.userId, week))) continue;
      if (digest.maps.length === 0) {
        run.nothingToReport++;
        continue;
      }
      const locale = LocaleSchema.catch("en").parse(r.locale);
      await mailer.send(
        driftDigestEmail(mailer, {
          to: r.email,
          locale,
          workspaceName: r.workspaceName,
          digest,
          path: `/w/${r.workspaceId}/drift`,
        }),
      );
      run.sent++;
    } catch (err) {
      run.failed.push(`${r.email} (${r.workspaceName}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return run;
}
