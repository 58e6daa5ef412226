import type { IdentifierKind, SurveyColumn, SurveyScale } from "@opencjm/core";

/** What the header row and the first answers suggest about each column of a survey export. */
interface SurveyGuess {
  columns: SurveyColumn[];
  respondent: { column: number; kind: IdentifierKind } | null;
  participantColumn: number | null;
}

// Header words in the five languages of the product; a column is tested against these in this order.
const NPS = /\bnps\b|net promoter|recommend|推荐|推薦|порекоменд|рекомендова|توصیه|پیشنهاد/i;
const CES = /\bces\b|effort|easy|ease|容易|轻松|輕鬆|легко|усили|آسان|راحت/i;
const CSAT = /\bcsat\b|satisf|满意|滿意|удовлетвор|довольн|رضایت|راضی/i;
const EMAIL = /e-?mail|邮箱|郵箱|電郵|почт|ایمیل/i;
const CUSTOMER_ID = /customer.?id|user.?id|client.?id|account|客户|客戶|клиент|مشتری/i;
const PARTICIPANT = /participant|respondent.?code|^code$|参与者|參與者|участник|شرکت.?کننده/i;
const NOT_A_QUESTION =
  /^(id|#\d+)$|timestamp|date|time|submitted|started|ip address|时间|時間|日期|дата|время|تاریخ|زمان/i;

const isNumber = (v: string) => /^-?\d+([.,]\d+)?$/.test(v);

function numericRange(answers: string[]): { min: number; max: number } | null {
  const given = answers.filter((v) => v !== "");
  if (given.length === 0 || !given.every(isNumber)) return null;
  const values = given.map((v) => Number(v.replace(",", ".")));
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The scale a question's header and answers suggest, or null when it does not look like a question. */
export function guessScale(header: string, answers: string[]): SurveyScale | null {
  // A header naming the scale wins over the answers: answers off its scale are reported when imported.
  if (NPS.test(header)) return "nps";
  if (CES.test(header)) return "ces";
  if (CSAT.test(header)) return "csat";
  const range = numericRange(answers);
  if (NOT_A_QUESTION.test(header) || EMAIL.test(header) || CUSTOMER_ID.test(header) || PARTICIPANT.test(header))
    return null;
  if (range === null) return answers.some((v) => v !== "") ? "text" : null;
  if (range.min >= 1 && range.max <= 5) return "likert5";
  if (range.min >= 1 && range.max <= 7) return "likert7";
  if (range.min >= 0 && range.max <= 10) return "nps";
  return null;
}

/**
 * Suggests, from a survey export's header and first answers, each column's scale ("How likely … recommend" → NPS,
 * "CSAT" → CSAT, 1–5 answers → Likert 1–5, words → free text), the column identifying respondents as customers
 * (an email or customer id) and the one holding participant codes. Only suggestions: the mapping step confirms them.
 */
export function guessSurveyColumns(header: string[], rows: string[][]): SurveyGuess {
  const sampleRows = rows.slice(0, 200);
  const columns = header.map((name, column) => {
    const answers = sampleRows.map((r) => r[column] ?? "");
    return {
      column,
      header: name,
      suggestedScale: guessScale(name, answers),
      samples: answers.filter((v) => v !== "").slice(0, 3),
    };
  });
  const emailColumn = header.findIndex(
    (name, i) => EMAIL.test(name) || sampleRows.some((r) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r[i] ?? "")),
  );
  const customerColumn = header.findIndex((name) => CUSTOMER_ID.test(name));
  const respondent =
    emailColumn >= 0
      ? { column: emailColumn, kind: "email" as const }
      : customerColumn >= 0
        ? { column: customerColumn, kind: "customerId" as const }
        : null;
  const participant = header.findIndex((name) => PARTICIPANT.test(name));
  return { columns, respondent, participantColumn: participant >= 0 ? participant : null };
}
