import { SurveyScaleSchema, type CustomerSurveyAnswer } from "@opencjm/core";
import type { Services } from "../services.js";
import { listCustomerSurveyAnswers } from "../store/researchSurveyCustomerStore.js";

/** A map's title and its steps' names, or null when the map is gone. */
async function mapNames(services: Services, workspaceId: string, mapId: string) {
  if (!(await services.maps.find(workspaceId, mapId))) return null;
  const snapshot = await services.maps.readSnapshot(mapId);
  return { title: snapshot.settings.title, steps: new Map(snapshot.steps.map((s) => [s.id as string, s.name])) };
}

/**
 * A customer's survey answers for their timeline (PRODUCT.md §4.5, respondents joined to customers): each with its
 * survey and study, question, scale, value or text and date, and the map and step it is about by name (null when the
 * map or the step has since been deleted). Personal data like the rest of the timeline: callers check who may see it.
 */
export async function readCustomerSurveyAnswers(
  services: Services,
  workspaceId: string,
  customerId: number,
): Promise<CustomerSurveyAnswer[]> {
  const answers = await listCustomerSurveyAnswers(services.db, workspaceId, customerId);
  const maps = new Map<string, Awaited<ReturnType<typeof mapNames>>>();
  for (const mapId of new Set(answers.flatMap((a) => (a.mapId ? [a.mapId] : []))))
    maps.set(mapId, await mapNames(services, workspaceId, mapId));
  return answers.map((a) => {
    const map = a.mapId ? maps.get(a.mapId) : null;
    const stepName = map && a.stepId ? (map.steps.get(a.stepId) ?? null) : null;
    return {
      surveyId: a.surveyId,
      fileName: a.fileName,
      studyTitle: a.studyTitle,
      question: a.question,
      scale: SurveyScaleSchema.parse(a.scale),
      mapId: map ? a.mapId : null,
      mapTitle: map?.title ?? null,
      stepId: stepName === null ? null : a.stepId,
      stepName,
      value: a.value,
      text: a.text,
      importedAt: a.importedAt,
    };
  });
}
