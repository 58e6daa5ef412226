import nodemailer, { type Transporter } from "nodemailer";
import type { AppConfig } from "../config.js";
import { DomainError } from "../errors/DomainError.js";
import type { MailSettings } from "./mailSettings.js";

/** One e-mail: plain text for every reader, and simple HTML whose user-provided words are already escaped. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends e-mail through the configured SMTP server (nodemailer); without SMTP it is off and says so. */
export class Mailer {
  private transporter: Transporter | undefined;

  constructor(private readonly settings: MailSettings | undefined) {}

  /** True when SMTP is configured. */
  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** The absolute address of a path of the web app, for links in e-mails (PUBLIC_URL). */
  link(path: string): string {
    return new URL(path, this.settings?.publicUrl ?? "http://localhost/").href;
  }

  /** Sends one message; a refusal or an unreachable server becomes `mail_failed` naming the reason. */
  async send(message: MailMessage): Promise<void> {
    if (!this.settings) throw new Error("SMTP is not configured; check `enabled` first");
    this.transporter ??= nodemailer.createTransport({
      ...this.settings.transport,
      // A dead SMTP server must not hold an invitation request for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await this.transporter.sendMail({ from: this.settings.from, ...message });
    } catch (err) {
      throw new DomainError({
        kind: "unavailable",
        code: "mail_failed",
        message: `the e-mail could not be sent: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
}

const mailers = new WeakMap<AppConfig, Mailer>();

/** The server's one Mailer for its configuration (built on first use, so every part shares one SMTP pool). */
export function mailerOf(config: AppConfig): Mailer {
  let mailer = mailers.get(config);
  if (!mailer) mailers.set(config, (mailer = new Mailer(config.mail)));
  return mailer;
}
