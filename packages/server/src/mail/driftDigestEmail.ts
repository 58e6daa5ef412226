import type { DriftDigest, DriftMeasurement, Locale } from "@opencjm/core";
import { mailText } from "./mailCatalogue.js";
import { layOutMail } from "./mailLayout.js";
import type { Mailer, MailMessage } from "./Mailer.js";

/** What the weekly drift e-mail says: the workspace, its digest and where the digest page is. */
export interface DriftDigestEmailInput {
  to: string;
  locale: Locale;
  workspaceName: string;
  digest: DriftDigest;
  /** The app path of the workspace's drift page. */
  path: string;
}

function valueText(locale: Locale, m: DriftMeasurement, v: number | null): string {
  if (v === null) return "—";
  if (m.measure === "medianTime")
    return new Intl.NumberFormat(locale, { style: "unit", unit: "hour", maximumFractionDigits: 1 }).format(
      v / 3_600_000,
    );
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v);
}

/** The weekly digest e-mail: one line per drifted measure of each map's steps, in the reader's language. */
export function driftDigestEmail(mailer: Mailer, input: DriftDigestEmailInput): MailMessage {
  const { locale, digest } = input;
  const lines = digest.maps.flatMap((map) =>
    map.steps.flatMap((step) =>
      step.measures.map((m) =>
        mailText(locale, "drift.line", {
          map: map.title,
          step: step.name,
          measure: mailText(locale, `drift.measure.${m.measure}`),
          before: valueText(locale, m, m.before.value),
          after: valueText(locale, m, m.after.value),
          verdict: mailText(locale, m.better ? "drift.better" : "drift.worse"),
        }),
      ),
    ),
  );
  const url = mailer.link(input.path);
  return layOutMail(locale, {
    to: input.to,
    subject: mailText(locale, "drift.subject", { workspace: input.workspaceName, count: lines.length }),
    paragraphs: [
      mailText(locale, "drift.body", {
        workspace: input.workspaceName,
        days: digest.settings.periodDays,
        from: digest.after.from.slice(0, 10),
        to: new Date(Date.parse(digest.after.to) - 1).toISOString().slice(0, 10),
      }),
      ...lines,
    ],
    action: { label: mailText(locale, "drift.action"), url },
    footer: [mailText(locale, "drift.settings", { workspace: input.workspaceName, url })],
  });
}
