import { newId, type Participant, type ParticipantCreate, type ParticipantUpdate } from "@opencjm/core";
import { fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { listPersonaRows } from "../store/personaStore.js";
import {
  getParticipant,
  insertParticipant,
  participantFieldsOf,
  updateParticipantFields,
  type ParticipantFields,
} from "../store/researchParticipantStore.js";
import { getStudy } from "../store/researchStudyStore.js";

async function checkPersona(services: Services, workspaceId: string, personaId: string | null): Promise<void> {
  if (personaId === null) return;
  const personas = await listPersonaRows(services.db, workspaceId);
  if (!personas.some((p) => p.id === personaId))
    throw fieldError("personaId", `no persona "${personaId}" in this workspace`, { detail: "unknown persona" });
}

/** Adds a participant to a study of the workspace; the code must be new in that study. */
export async function createParticipant(
  services: Services,
  workspaceId: string,
  input: ParticipantCreate,
): Promise<Participant> {
  const study = await getStudy(services.db, workspaceId, input.studyId).catch(() => {
    throw fieldError("studyId", `no study "${input.studyId}" in this workspace`, { detail: "unknown study" });
  });
  const { studyId: _studyId, ...fields } = input;
  await checkPersona(services, workspaceId, fields.personaId);
  const id = newId("prt_");
  await insertParticipant(services.db, { id, workspaceId, studyId: study.id, at: new Date().toISOString() }, fields);
  return getParticipant(services.db, workspaceId, id);
}

/** Changes the fields sent of a participant; `personal` and `consent` are replaced whole when sent. */
export async function updateParticipant(
  services: Services,
  workspaceId: string,
  participantId: string,
  patch: ParticipantUpdate,
): Promise<Participant> {
  const current = await getParticipant(services.db, workspaceId, participantId);
  const fields: ParticipantFields = { ...participantFieldsOf(current), ...patch };
  await checkPersona(services, workspaceId, fields.personaId);
  await updateParticipantFields(services.db, current, fields, new Date().toISOString());
  return getParticipant(services.db, workspaceId, participantId);
}
