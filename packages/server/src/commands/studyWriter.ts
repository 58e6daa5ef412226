import { newId, type Study, type StudyCreate, type StudyUpdate } from "@opencjm/core";
import { fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listPersonaRows } from "../store/personaStore.js";
import { getStudy, insertStudy, updateStudyFields, type StudyFields } from "../store/researchStudyStore.js";

/** Refuses persona and map ids the workspace does not have, and a study that ends before it starts. */
async function checkStudyFields(services: Services, workspaceId: string, fields: StudyFields): Promise<void> {
  if (fields.startsOn && fields.endsOn && fields.endsOn < fields.startsOn)
    throw fieldError("endsOn", "the study ends before it starts", { detail: "before startsOn" });
  const personas = new Set((await listPersonaRows(services.db, workspaceId)).map((p) => p.id));
  for (const [i, id] of fields.personaIds.entries())
    if (!personas.has(id))
      throw fieldError(`personaIds.${i}`, `no persona "${id}" in this workspace`, { detail: "unknown persona" });
  for (const [i, id] of fields.mapIds.entries())
    if (!(await services.maps.find(workspaceId, id)))
      throw fieldError(`mapIds.${i}`, `no map "${id}" in this workspace`, { detail: "unknown map" });
}

/** Creates a study after checking its personas and maps. */
export async function createStudy(
  services: Services,
  workspaceId: string,
  userId: string,
  input: StudyCreate,
): Promise<Study> {
  await checkStudyFields(services, workspaceId, input);
  const id = newId("std_");
  await insertStudy(services.db, { id, workspaceId, createdBy: userId, at: new Date().toISOString() }, input);
  return getStudy(services.db, workspaceId, id);
}

/** Changes the fields sent of a study; lists sent replace the stored ones. */
export async function updateStudy(
  services: Services,
  workspaceId: string,
  studyId: string,
  patch: StudyUpdate,
): Promise<Study> {
  const current = await getStudy(services.db, workspaceId, studyId);
  const fields: StudyFields = {
    title: patch.title ?? current.title,
    method: patch.method ?? current.method,
    goal: patch.goal ?? current.goal,
    startsOn: patch.startsOn !== undefined ? patch.startsOn : current.startsOn,
    endsOn: patch.endsOn !== undefined ? patch.endsOn : current.endsOn,
    personaIds: patch.personaIds ?? current.personaIds,
    segment: patch.segment ?? current.segment,
    mapIds: patch.mapIds ?? current.mapIds,
  };
  await checkStudyFields(services, workspaceId, fields);
  await updateStudyFields(services.db, studyId, fields, new Date().toISOString());
  return getStudy(services.db, workspaceId, studyId);
}
