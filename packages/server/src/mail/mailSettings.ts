import { z } from "zod";

/** The environment variables that configure outgoing e-mail; config.ts merges them into its schema. */
export const MailEnvShape = {
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://user:password@host:port or smtps://…")
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
  MAIL_FROM: z.string().optional(),
};

type MailEnv = z.infer<z.ZodObject<typeof MailEnvShape>>;

/** How the server reaches its SMTP server: a URL, or host and port with optional credentials. */
export type SmtpTransport =
  { url: string } | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };

/** Outgoing e-mail settings; absent from the config when SMTP is not configured (links are then copied by hand). */
export interface MailSettings {
  transport: SmtpTransport;
  /** The sender, `OpenCJM <maps@example.com>`. */
  from: string;
  /** The address e-mails link back to (PUBLIC_URL). */
  publicUrl: string;
}

// A display name and an address in angle brackets, or a bare address; no line breaks (header injection).
const FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

/**
 * The mail settings the environment asks for, or undefined without SMTP_URL and SMTP_HOST. Throws naming the
 * variable when the combination cannot work (SMTP without a sender or without PUBLIC_URL to link to).
 */
export function mailSettingsOf(env: MailEnv, publicUrl: string | undefined): MailSettings | undefined {
  if (!env.SMTP_URL && !env.SMTP_HOST) return undefined;
  if (env.SMTP_URL && env.SMTP_HOST)
    throw new Error("environment variable SMTP_URL: set SMTP_URL or SMTP_HOST, not both");
  if (!env.MAIL_FROM) throw new Error("environment variable MAIL_FROM: required when SMTP is configured (the sender)");
  if (!FROM.test(env.MAIL_FROM.trim()))
    throw new Error('environment variable MAIL_FROM: must be an address or "Name <address>"');
  if (!publicUrl)
    throw new Error("environment variable PUBLIC_URL: required when SMTP is configured (e-mails link to it)");
  if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined))
    throw new Error("environment variable SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together");
  const secure = env.SMTP_SECURE === "true" || (env.SMTP_SECURE === undefined && env.SMTP_PORT === 465);
  const transport: SmtpTransport = env.SMTP_URL
    ? { url: env.SMTP_URL }
    : {
        host: env.SMTP_HOST ?? "",
        port: env.SMTP_PORT ?? (secure ? 465 : 587),
        secure,
        ...(env.SMTP_USER !== undefined && env.SMTP_PASSWORD !== undefined
          ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } }
          : {}),
      };
  return { transport, from: env.MAIL_FROM.trim(), publicUrl };
}
