import { isRightToLeft, type Locale } from "@opencjm/core";
import { escapeHtml } from "./htmlEscape.js";
import type { MailMessage } from "./Mailer.js";

/** The parts of an e-mail, as plain words: the layout escapes every one of them for the HTML version. */
export interface MailContent {
  to: string;
  subject: string;
  paragraphs: string[];
  /** Someone's own words quoted in the e-mail (a comment), shown set apart. */
  quote?: string;
  action: { label: string; url: string };
  footer: string[];
}

/** A plain-text and a simple HTML e-mail in the reader's language and direction; nothing given is ever read as HTML. */
export function layOutMail(locale: Locale, content: MailContent): MailMessage {
  const dir = isRightToLeft(locale) ? "rtl" : "ltr";
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const html = [
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">`,
    `<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px">`,
    ...content.paragraphs.map(paragraph),
    content.quote === undefined
      ? ""
      : `<blockquote style="margin:0 0 16px;padding:8px 12px;border-inline-start:3px solid #cbd2d9;white-space:pre-wrap">${escapeHtml(content.quote)}</blockquote>`,
    `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:13px;color:#52606d" dir="ltr">${escapeHtml(content.action.url)}</p>`,
    ...content.footer.map((text) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(text)}</p>`),
    `</div></body></html>`,
  ].join("\n");
  const text = [
    ...content.paragraphs,
    ...(content.quote === undefined ? [] : [content.quote.replace(/^/gm, "> ")]),
    `${content.action.label}: ${content.action.url}`,
    ...content.footer,
  ].join("\n\n");
  // A line break in a header would start a new header; names may hold anything, so the subject is one line.
  return { to: content.to, subject: content.subject.replace(/[\r\n]+/g, " "), text: `${text}\n`, html };
}
