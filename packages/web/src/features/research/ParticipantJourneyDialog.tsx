import type { JourneyStepInput, Participant } from "@opencjm/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { mapListQuery } from "../../api/workspaceQueries.js";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { deleteParticipantJourney, saveParticipantJourney } from "./journeyApi.js";
import { participantJourneyQuery } from "./journeyQueries.js";
import { ParticipantJourneyEditor } from "./ParticipantJourneyEditor.js";
import { mapBodyQuery, useReloadResearch } from "./researchQueries.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Journeys.module.css";

/**
 * A participant's own journeys, one map at a time (the maps the study informs, else every map of the workspace): the
 * mini-map editor for the picked map, saved whole; the map's research view counts it at once.
 */
export function ParticipantJourneyDialog({
  workspaceId,
  participant,
  studyMapIds,
  canWrite,
  onClose,
}: {
  workspaceId: string;
  participant: Participant;
  studyMapIds: readonly string[];
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const maps = useQuery(mapListQuery(workspaceId));
  const choices = (maps.data ?? []).filter((m) => studyMapIds.length === 0 || studyMapIds.includes(m.id));
  const [picked, setPicked] = useState<string | null>(null);
  const mapId = picked ?? choices[0]?.id ?? null;
  const journey = useQuery({
    ...participantJourneyQuery(workspaceId, participant.id, mapId ?? ""),
    enabled: mapId !== null,
  });
  const body = useQuery({ ...mapBodyQuery(workspaceId, mapId ?? ""), enabled: mapId !== null });
  const save = useMutation({
    mutationFn: (steps: JourneyStepInput[]) => saveParticipantJourney(workspaceId, participant.id, mapId!, { steps }),
    onSuccess: () => reload(),
  });
  const reset = useMutation({
    mutationFn: () => deleteParticipantJourney(workspaceId, participant.id, mapId!),
    onSuccess: () => reload(),
  });
  const failure = save.error ?? reset.error ?? journey.error;

  return (
    <Dialog title={t("researchJourneys.title", { code: participant.code })} onClose={onClose} testId="journey-dialog">
      {maps.isSuccess && choices.length === 0 ? (
        <p className={styles.muted}>{t("researchJourneys.noMaps")}</p>
      ) : (
        <label className={styles.mapPicker}>
          {t("researchJourneys.map")}
          <select value={mapId ?? ""} onChange={(e) => setPicked(e.target.value)}>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {journey.data && body.data && (
        <ParticipantJourneyEditor
          // A fresh editor per map and per stored version: what the server answered is what is edited.
          key={`${journey.data.mapId}:${journey.data.updatedAt ?? "draft"}:${journey.data.source}`}
          journey={journey.data}
          mapSteps={body.data.steps}
          canWrite={canWrite}
          saving={save.isPending || reset.isPending}
          onSave={(steps) => save.mutate(steps)}
          onReset={() => reset.mutate()}
        />
      )}
      {save.isSuccess && !save.isPending && (
        <p role="status" className={styles.muted}>
          {t("researchJourneys.saved")}
        </p>
      )}
      {failure && (
        <p role="alert" className={styles.error}>
          {errorMessage(failure)}
        </p>
      )}
    </Dialog>
  );
}
