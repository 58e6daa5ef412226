import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { MailSettings } from "../mail/mailSettings.js";

/** An e-mail the test SMTP server received, decoded: envelope recipients, subject, plain text and HTML. */
export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on a free port that keeps what it receives (or refuses every message with `failing`). */
export interface SmtpCapture {
  messages: CapturedMail[];
  /** Mail settings that send to this server, linking to `publicUrl`. */
  settings(publicUrl?: string): MailSettings;
  /** Resolves with the next message once it has arrived (or the first one already received). */
  next(): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** Starts the capturing SMTP server; `failing` answers every message with 554, as a refusing relay would. */
export async function startSmtpCapture(options: { failing?: boolean } = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiting: Array<(mail: CapturedMail) => void> = [];
  let taken = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.failing) {
          callback(Object.assign(new Error("relay refused this message"), { responseCode: 554 }));
          return;
        }
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(Buffer.concat(chunks)) };
        messages.push(mail);
        waiting.shift()?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    messages,
    settings: (publicUrl = "https://cjm.example.test") => ({
      transport: { host: "127.0.0.1", port, secure: false },
      from: "OpenCJM <maps@example.test>",
      publicUrl,
    }),
    next: () => {
      const ready = messages[taken];
      if (ready) {
        taken += 1;
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => {
        waiting.push((mail) => {
          taken += 1;
          resolve(mail);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes the subject and the text/plain and text/html parts of a message as nodemailer writes it. */
function decodeMail(raw: Buffer): { subject: string; text: string; html: string } {
  const { headers, body } = splitEntity(raw.toString("latin1"));
  const subject = decodeWords(headers.get("subject") ?? "");
  const parts: Record<string, string> = {};
  const visit = (entityHeaders: Map<string, string>, entityBody: string) => {
    const type = entityHeaders.get("content-type") ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const part of entityBody.split(`--${boundary}`).slice(1, -1)) {
        const inner = splitEntity(part.replace(/^\r\n/, ""));
        visit(inner.headers, inner.body);
      }
      return;
    }
    const encoding = (entityHeaders.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    const bytes =
      encoding === "base64"
        ? Buffer.from(entityBody, "base64")
        : encoding === "quoted-printable"
          ? decodeQuotedPrintable(entityBody)
          : Buffer.from(entityBody, "latin1");
    parts[type.split(";")[0]?.trim().toLowerCase() ?? "text/plain"] = bytes.toString("utf8");
  };
  visit(headers, body);
  return { subject, text: parts["text/plain"] ?? "", html: parts["text/html"] ?? "" };
}

function splitEntity(entity: string): { headers: Map<string, string>; body: string } {
  const end = entity.indexOf("\r\n\r\n");
  const head = entity.slice(0, end).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: entity.slice(end + 4) };
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

// RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), as nodemailer writes non-ASCII subjects.
function decodeWords(header: string): string {
  return Buffer.from(header, "latin1")
    .toString("latin1")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")).toString("utf8"),
    );
}
