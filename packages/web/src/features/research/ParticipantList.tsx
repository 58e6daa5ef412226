import type { Participant, Persona } from "@opencjm/core";
import { useEffect, useState } from "react";
import { Button } from "../../app/Button.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { EraseParticipantDialog } from "./EraseParticipantDialog.js";
import { ParticipantDialog } from "./ParticipantDialog.js";
import { ParticipantJourneyDialog } from "./ParticipantJourneyDialog.js";
import { targetOf } from "./researchLinks.js";
import styles from "./Research.module.css";

/** Name, e-mail and phone that were recorded, for the column marked as personal. */
const personalOf = (p: Participant) => [p.personal.name, p.personal.email, p.personal.phone].filter(Boolean);

/**
 * The participants of a study: pseudonymous code, persona and segment, attributes, consent, and their personal
 * details in a column marked as personal; editors add, edit and erase them.
 */
export function ParticipantList({
  workspaceId,
  studyId,
  studyMapIds,
  participants,
  personas,
  canWrite,
}: {
  workspaceId: string;
  studyId: string;
  /** The maps the study informs, where participants' journeys are drawn. */
  studyMapIds: readonly string[];
  participants: readonly Participant[];
  personas: readonly Persona[];
  canWrite: boolean;
}) {
  // Reached from a step's quote (…#participant-<id>): their row is scrolled to and marked as the one meant.
  const [target] = useState(() => targetOf("participant"));
  useEffect(() => {
    const row = [...document.querySelectorAll<HTMLElement>("[data-participant-id]")].find(
      (r) => r.dataset.participantId === target,
    );
    row?.scrollIntoView?.();
  }, [target]);
  const { t, formatDate, formatNumber } = useI18n();
  const [editing, setEditing] = useState<Participant | "new" | null>(null);
  const [erasing, setErasing] = useState<Participant | null>(null);
  const [journeyOf, setJourneyOf] = useState<Participant | null>(null);

  return (
    <section className={styles.section} aria-labelledby="research-participants">
      <div className={styles.header}>
        <h2 id="research-participants">{t("research.participants.title")}</h2>
        {canWrite && (
          <Button onClick={() => setEditing("new")} data-testid="add-participant">
            {t("research.participant.add")}
          </Button>
        )}
      </div>
      {participants.length === 0 ? (
        <p className={styles.muted}>{t("research.participants.empty")}</p>
      ) : (
        <table className={styles.table} data-testid="participant-list">
          <thead>
            <tr>
              <th scope="col">{t("research.participant.code")}</th>
              <th scope="col">{t("research.participant.persona")}</th>
              <th scope="col">{t("research.participant.attributes")}</th>
              <th scope="col">{t("research.participant.consent")}</th>
              <th scope="col">{t("research.participants.evidence")}</th>
              <th scope="col">
                {t("research.participant.personal.title")}
                <span className={styles.personalTag}>{t("research.personal")}</span>
              </th>
              <th scope="col">{t("research.participants.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr
                key={p.id}
                data-testid="participant-row"
                data-participant-id={p.id}
                data-code={p.code}
                aria-current={p.id === target ? "true" : undefined}
              >
                <th scope="row">
                  <bdi>{p.code}</bdi>
                </th>
                <td>
                  <bdi>{personas.find((x) => x.id === p.personaId)?.name ?? ""}</bdi>
                  {p.segment && (
                    <div className={styles.meta}>
                      <bdi>{p.segment}</bdi>
                    </div>
                  )}
                </td>
                <td>
                  {Object.entries(p.attributes).map(([key, value]) => (
                    <div key={key}>
                      <bdi>{key}</bdi>: <bdi>{value}</bdi>
                    </div>
                  ))}
                </td>
                <td>
                  {p.consent.given
                    ? p.consent.recordedOn
                      ? t("research.participant.consentGivenOn", {
                          date: formatDate(`${p.consent.recordedOn}T00:00:00Z`, {
                            dateStyle: "medium",
                            timeZone: "UTC",
                          }),
                        })
                      : t("research.participant.consentGiven")
                    : t("research.participant.consentMissing")}
                </td>
                <td>{`${formatNumber(p.noteCount)} · ${formatNumber(p.highlightCount)}`}</td>
                <td className={personalOf(p).length > 0 ? styles.personal : undefined} data-personal="true">
                  {personalOf(p).map((value) => (
                    <div key={value}>
                      <bdi>{value}</bdi>
                    </div>
                  ))}
                </td>
                <td>
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => setJourneyOf(p)} data-testid="open-journey">
                      {t("researchJourneys.open")}
                    </Button>
                    {canWrite && (
                      <>
                        <Button size="small" onClick={() => setEditing(p)}>
                          {t("research.edit")}
                        </Button>
                        <Button
                          size="small"
                          variant="danger"
                          onClick={() => setErasing(p)}
                          data-testid="erase-participant"
                        >
                          {t("research.erase.button")}
                        </Button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <ParticipantDialog
          workspaceId={workspaceId}
          studyId={studyId}
          participant={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {journeyOf && (
        <ParticipantJourneyDialog
          workspaceId={workspaceId}
          participant={journeyOf}
          studyMapIds={studyMapIds}
          canWrite={canWrite}
          onClose={() => setJourneyOf(null)}
        />
      )}
      {erasing && (
        <EraseParticipantDialog workspaceId={workspaceId} participant={erasing} onClose={() => setErasing(null)} />
      )}
    </section>
  );
}
