import { invitationAcceptPath, type Locale, type Role } from "@opencjm/core";
import { mailText } from "./mailCatalogue.js";
import { layOutMail } from "./mailLayout.js";
import type { Mailer, MailMessage } from "./Mailer.js";

/** What an invitation e-mail says: who invites whom into which workspace, with what role, until when. */
export interface InvitationEmailInput {
  to: string;
  locale: Locale;
  inviterName: string;
  workspaceName: string;
  role: Role;
  token: string;
  expiresAt: string;
}

/** The invitation e-mail with its one-time accept link, in the invitee's language. */
export function invitationEmail(mailer: Mailer, input: InvitationEmailInput): MailMessage {
  const { locale } = input;
  const values = {
    inviter: input.inviterName,
    workspace: input.workspaceName,
    role: mailText(locale, `role.${input.role}`),
    date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(input.expiresAt)),
  };
  return layOutMail(locale, {
    to: input.to,
    subject: mailText(locale, "invitation.subject", values),
    paragraphs: [mailText(locale, "invitation.greeting"), mailText(locale, "invitation.body", values)],
    action: { label: mailText(locale, "invitation.action"), url: mailer.link(invitationAcceptPath(input.token)) },
    footer: [mailText(locale, "invitation.expires", values), mailText(locale, "invitation.ignore")],
  });
}
