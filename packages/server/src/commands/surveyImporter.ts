import { analyzeSentiment, findCustomerByIdentifier } from "@opencjm/analytics";
import {
  newId,
  SURVEY_SCALE_RANGE,
  type SurveyImportResult,
  type SurveyMapping,
  type SurveyNotKept,
  type SurveyScale,
  type SurveyUploaded,
  type SurveyUploadRequest,
} from "@opencjm/core";
import { DomainError } from "../errors/DomainError.js";
import { guessSurveyColumns } from "../researchImport/guessSurveyColumns.js";
import { readSurveyFile } from "../researchImport/readSurveyFile.js";
import type { Services } from "../services.js";
import { listParticipants } from "../store/researchParticipantStore.js";
import { getStudy } from "../store/researchStudyStore.js";
import { getSurvey, insertSurvey, saveSurveyAnswers, type SurveyAnswerRow } from "../store/researchSurveyStore.js";
import { purgeStaleSurveyUploads } from "./surveyStagingPurger.js";

/** The first things not kept that an import reports one by one (the total counts them all). */
const NOT_KEPT_LISTED = 200;

const invalid = (code: string, message: string, params: Record<string, string | number>) =>
  new DomainError({ kind: "invalid", code, message, params });

function bytesOf(content: string): Buffer {
  const compact = content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw new DomainError({
      kind: "invalid",
      code: "transcript_bad_base64",
      message: "content: not valid base64",
      field: "content",
    });
  return Buffer.from(compact, "base64");
}

/**
 * Reads a survey export into a study and keeps its rows waiting for their mapping (purged when not mapped in time);
 * answers the columns with the scale, respondent and participant columns their headers suggest. A file refused
 * stores nothing.
 */
export async function uploadSurvey(
  services: Services,
  workspaceId: string,
  userId: string,
  input: SurveyUploadRequest,
): Promise<SurveyUploaded> {
  const study = await getStudy(services.db, workspaceId, input.studyId);
  await purgeStaleSurveyUploads(services.db);
  const file = await readSurveyFile({ file: input.fileName, bytes: bytesOf(input.content), charset: input.charset });
  const guess = guessSurveyColumns(file.header, file.rows);
  const identifying = new Set([guess.respondent?.column, guess.participantColumn]);
  const id = newId("srv_");
  await insertSurvey(
    services.db,
    workspaceId,
    { id, studyId: study.id, fileName: input.fileName, charset: file.charset, header: file.header, rows: file.rows },
    userId,
    new Date().toISOString(),
  );
  return {
    surveyId: id,
    studyId: study.id,
    fileName: input.fileName,
    charset: file.charset,
    respondents: file.rows.length,
    columns: guess.columns.map((c) => (identifying.has(c.column) ? { ...c, suggestedScale: null } : c)),
    suggestedRespondent: guess.respondent,
    suggestedParticipantColumn: guess.participantColumn,
  };
}

/** A numeric answer on its scale, or undefined when it is not one of the scale's values. */
function onScale(scale: Exclude<SurveyScale, "text">, raw: string): number | undefined {
  const match = /^(-?\d+(?:[.,]\d+)?)(?:\s*[-–:(].*)?$/.exec(raw);
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(",", "."));
  const [low, high] = SURVEY_SCALE_RANGE[scale];
  if (value < low || value > high) return undefined;
  if (scale === "nps" && !Number.isInteger(value)) return undefined;
  return value;
}

/** Checks a mapping against the file and the study: columns in the file, each once, steps on the study's maps. */
async function checkMapping(
  services: Services,
  header: string[],
  mapIds: readonly string[],
  mapping: SurveyMapping,
): Promise<void> {
  const columns = [
    ...mapping.questions.map((q) => q.column),
    ...(mapping.respondent ? [mapping.respondent.column] : []),
    ...(mapping.participantColumn !== null ? [mapping.participantColumn] : []),
  ];
  const seen = new Set<number>();
  for (const column of columns) {
    if (column >= header.length)
      throw invalid("survey_column_unknown", `column ${column} is not in the file (it has ${header.length})`, {
        column,
        columns: header.length,
      });
    if (seen.has(column)) throw invalid("survey_column_twice", `column ${column} is mapped twice`, { column });
    seen.add(column);
  }
  const stepsByMap = new Map<string, Set<string>>();
  for (const q of mapping.questions) {
    if (q.mapId === null || q.stepId === null) continue;
    if (!mapIds.includes(q.mapId))
      throw invalid("survey_map_not_in_study", `the map ${q.mapId} is not one the study informs`, { mapId: q.mapId });
    let steps = stepsByMap.get(q.mapId);
    if (!steps) {
      steps = new Set((await services.maps.readSnapshot(q.mapId)).steps.map((s) => s.id));
      stepsByMap.set(q.mapId, steps);
    }
    if (!steps.has(q.stepId))
      throw invalid("survey_step_unknown", `the map has no step ${q.stepId}`, { stepId: q.stepId });
  }
}

/**
 * Imports an uploaded export's answers under a mapping, all or nothing: numbers on their question's scale, free text
 * with the engine's sentiment, each respondent linked to the study's participant by code and to a customer through
 * the customer data's identity lookup. Answers off their scale and codes or identifiers that match no one are not
 * kept and are reported with their row; the file's other columns are dropped.
 */
export async function importSurvey(
  services: Services,
  workspaceId: string,
  surveyId: string,
  mapping: SurveyMapping,
): Promise<SurveyImportResult> {
  const survey = await getSurvey(services.db, workspaceId, surveyId);
  if (survey.status === "imported")
    throw new DomainError({
      kind: "conflict",
      code: "survey_already_imported",
      message: `"${survey.fileName}" has already been imported`,
      params: { file: survey.fileName },
    });
  const study = await getStudy(services.db, workspaceId, survey.studyId);
  await checkMapping(services, survey.header, study.mapIds, mapping);
  const participants = new Map(
    (await listParticipants(services.db, workspaceId, study.id)).map((p) => [p.code.trim().toLowerCase(), p.id]),
  );
  const connection = mapping.respondent ? (await services.analytics.open(workspaceId)).connection : undefined;
  const notKept: SurveyNotKept[] = [];
  const answers: SurveyAnswerRow[] = [];
  let customersJoined = 0;
  let participantsLinked = 0;
  const respondents = new Set<number>();
  for (const [index, row] of survey.rows.entries()) {
    const respondent = index + 1;
    const skip = (column: number, reason: SurveyNotKept["reason"]) =>
      notKept.push({ row: respondent, column, header: survey.header[column] ?? "", value: row[column] ?? "", reason });
    let participantId: string | null = null;
    if (mapping.participantColumn !== null && row[mapping.participantColumn]) {
      participantId = participants.get((row[mapping.participantColumn] ?? "").toLowerCase()) ?? null;
      if (participantId) participantsLinked++;
      else skip(mapping.participantColumn, "unknown_participant");
    }
    let customerId: number | null = null;
    if (mapping.respondent && connection && row[mapping.respondent.column]) {
      const found = await findCustomerByIdentifier(
        connection,
        mapping.respondent.kind,
        row[mapping.respondent.column] ?? "",
      );
      customerId = found === undefined ? null : Number(found);
      if (customerId !== null) customersJoined++;
      else skip(mapping.respondent.column, "unknown_customer");
    }
    for (const q of mapping.questions) {
      const raw = row[q.column] ?? "";
      if (q.scale === null || raw === "") continue;
      const base = {
        respondent,
        column_index: q.column,
        question: survey.header[q.column] ?? "",
        scale: q.scale,
        map_id: q.mapId,
        step_id: q.stepId,
        participant_id: participantId,
        customer_id: customerId,
      };
      if (q.scale === "text") {
        answers.push({ ...base, value: null, text: raw, sentiment: analyzeSentiment(raw).score });
      } else {
        const value = onScale(q.scale, raw);
        if (value === undefined) {
          skip(q.column, "not_on_scale");
          continue;
        }
        answers.push({ ...base, value, text: null, sentiment: null });
      }
      respondents.add(respondent);
    }
  }
  const result: SurveyImportResult = {
    surveyId,
    respondents: respondents.size,
    answers: answers.length,
    customersJoined,
    participantsLinked,
    notKept: notKept.slice(0, NOT_KEPT_LISTED),
    notKeptTotal: notKept.length,
  };
  await saveSurveyAnswers(services.db, workspaceId, surveyId, answers, result);
  return result;
}
