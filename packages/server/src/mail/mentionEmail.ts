import type { Locale } from "@opencjm/core";
import { mailText } from "./mailCatalogue.js";
import { layOutMail } from "./mailLayout.js";
import type { Mailer, MailMessage } from "./Mailer.js";

/** What a mention e-mail says: who mentioned the reader where, with the comment's words. */
export interface MentionEmailInput {
  to: string;
  locale: Locale;
  actorName: string;
  workspaceName: string;
  mapTitle: string;
  excerpt: string;
  /** The app path the e-mail links to (the map). */
  path: string;
}

/** The e-mail telling someone they were mentioned, in their language, with how to turn these e-mails off. */
export function mentionEmail(mailer: Mailer, input: MentionEmailInput): MailMessage {
  const { locale } = input;
  const values = { actor: input.actorName, map: input.mapTitle, workspace: input.workspaceName };
  return layOutMail(locale, {
    to: input.to,
    subject: mailText(locale, "mention.subject", values),
    paragraphs: [mailText(locale, "mention.body", values)],
    quote: input.excerpt,
    action: { label: mailText(locale, "mention.action"), url: mailer.link(input.path) },
    footer: [mailText(locale, "mention.settings", { url: mailer.link(input.path) })],
  });
}
