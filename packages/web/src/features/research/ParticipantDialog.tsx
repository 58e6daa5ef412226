import type { Participant, ParticipantCreateRequest } from "@opencjm/core";
import { DatePicker } from "../../app/DatePicker.js";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { personaListQuery } from "../../api/workspaceQueries.js";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useT } from "../../i18n/I18nProvider.js";
import { createParticipant, updateParticipant } from "./researchApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/** Attributes typed one per line as `name: value` (the first colon splits; blank lines are skipped). */
function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    if (key) out[key] = at < 0 ? "" : line.slice(at + 1).trim();
  }
  return out;
}

const formatAttributes = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");

/**
 * Adds a participant to a study or edits one: the pseudonymous code quotes show, attributes, persona and segment,
 * consent, and, apart and marked as personal, the person's name and contact details.
 */
export function ParticipantDialog({
  workspaceId,
  studyId,
  participant,
  onClose,
}: {
  workspaceId: string;
  studyId: string;
  participant?: Participant;
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const personas = useQuery(personaListQuery(workspaceId));
  const [code, setCode] = useState(participant?.code ?? "");
  const [attributes, setAttributes] = useState(formatAttributes(participant?.attributes ?? {}));
  const [personaId, setPersonaId] = useState(participant?.personaId ?? "");
  const [segment, setSegment] = useState(participant?.segment ?? "");
  const [consent, setConsent] = useState(participant?.consent ?? { given: false, recordedOn: null, note: "" });
  const [personal, setPersonal] = useState(participant?.personal ?? { name: "", email: "", phone: "", notes: "" });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code,
        attributes: parseAttributes(attributes),
        personaId: personaId || null,
        segment,
        consent,
        personal,
      } satisfies Omit<ParticipantCreateRequest, "studyId">;
      return participant
        ? updateParticipant(workspaceId, participant.id, body)
        : createParticipant(workspaceId, { ...body, studyId });
    },
    onSuccess: async () => {
      await reload();
      onClose();
    },
  });
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const personalField = (key: "name" | "email" | "phone", type = "text") => (
    <label>
      {t(`research.participant.personal.${key}`)}
      <input
        type={type}
        value={personal[key]}
        dir={key === "name" ? "auto" : "ltr"}
        onChange={(e) => setPersonal({ ...personal, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <Dialog
      title={participant ? t("research.participant.edit") : t("research.participant.add")}
      onClose={onClose}
      testId="participant-dialog"
    >
      <form className={styles.form} onSubmit={handleSubmit}>
        <label>
          {t("research.participant.code")}
          <input value={code} required maxLength={40} dir="auto" onChange={(e) => setCode(e.target.value)} />
        </label>
        <p className={styles.muted}>{t("research.participant.codeHelp")}</p>
        <label>
          {t("research.participant.persona")}
          <select value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            <option value="">{t("research.participant.noPersona")}</option>
            {(personas.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("research.participant.segment")}
          <input value={segment} maxLength={500} dir="auto" onChange={(e) => setSegment(e.target.value)} />
        </label>
        <label>
          {t("research.participant.attributes")}
          <textarea
            value={attributes}
            dir="auto"
            rows={3}
            placeholder={t("research.participant.attributesHelp")}
            onChange={(e) => setAttributes(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>{t("research.participant.consent")}</legend>
          <label className={styles.row}>
            <input
              type="checkbox"
              checked={consent.given}
              onChange={(e) => setConsent({ ...consent, given: e.target.checked })}
            />
            {t("research.participant.consentGiven")}
          </label>
          <label>
            {t("research.participant.consentOn")}
            <DatePicker
              value={consent.recordedOn ?? ""}
              onChange={(day) => setConsent({ ...consent, recordedOn: day || null })}
            />
          </label>
          <label>
            {t("research.participant.consentNote")}
            <input
              value={consent.note}
              maxLength={1000}
              dir="auto"
              onChange={(e) => setConsent({ ...consent, note: e.target.value })}
            />
          </label>
        </fieldset>
        <fieldset className={styles.personal} data-testid="participant-personal">
          <legend>
            {t("research.participant.personal.title")}
            <span className={styles.personalTag}>{t("research.personal")}</span>
          </legend>
          <p className={styles.muted}>{t("research.participant.personal.help")}</p>
          {personalField("name")}
          {personalField("email", "email")}
          {personalField("phone", "tel")}
          <label>
            {t("research.participant.personal.notes")}
            <textarea
              value={personal.notes}
              maxLength={5000}
              dir="auto"
              onChange={(e) => setPersonal({ ...personal, notes: e.target.value })}
            />
          </label>
        </fieldset>
        {save.error && (
          <p role="alert" className={styles.error}>
            {errorMessage(save.error)}
          </p>
        )}
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="participant-save">
            {t("research.save")}
          </Button>
          <Button onClick={onClose}>{t("research.cancel")}</Button>
        </div>
      </form>
    </Dialog>
  );
}
