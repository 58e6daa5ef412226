import type { ErasureReport, Participant } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { Button } from "../../app/Button.js";
import { Dialog } from "../../app/Dialog.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { eraseParticipant } from "./researchApi.js";
import { useReloadResearch } from "./researchQueries.js";
import { useResearchError } from "./useResearchError.js";
import styles from "./Research.module.css";

/** What an erasure removed, in sentences with the counts in the user's digits. */
function ErasureSummary({ report }: { report: ErasureReport }) {
  const { t, locale } = useI18n();
  const list = new Intl.ListFormat(locale, { type: "unit", style: "short" });
  return (
    <div data-testid="erasure-report">
      <p>{t("research.erase.done")}</p>
      <ul>
        <li>{t("research.erase.notes", { count: report.notes })}</li>
        <li>{t("research.erase.highlights", { count: report.highlights })}</li>
        <li>{t("research.erase.journeys", { count: report.journeys })}</li>
        <li>{t("surveys.erasedAnswers", { count: report.surveyAnswers })}</li>
        <li>{t("research.erase.turns", { count: report.transcriptTurns })}</li>
        <li>{t("research.erase.mapQuotes", { count: report.mapQuotes })}</li>
        <li>{t("research.erase.versions", { count: report.versions })}</li>
      </ul>
      {report.maps.length > 0 && (
        <ul className={styles.meta}>
          {report.maps.map((m) => (
            <li key={m.mapId}>
              <bdi>{m.title}</bdi>:{" "}
              {list.format([
                t("research.erase.quotesOnMap", { count: m.quotes }),
                ...(m.versions > 0 ? [t("research.erase.versionsOnMap", { count: m.versions })] : []),
              ])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Asks before erasing a participant (their notes, highlights and every quote derived from them, everywhere; it cannot
 * be undone), then shows what was removed. The research lists are refreshed once it is done.
 */
export function EraseParticipantDialog({
  workspaceId,
  participant,
  onClose,
}: {
  workspaceId: string;
  participant: Participant;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useResearchError();
  const reload = useReloadResearch(workspaceId);
  const erase = useMutation({
    mutationFn: () => eraseParticipant(workspaceId, participant.id),
    onSuccess: () => reload(),
  });

  return (
    <Dialog
      title={t("research.erase.title", { code: participant.code })}
      onClose={onClose}
      alert={!erase.data}
      testId="erase-dialog"
    >
      {erase.data ? (
        <>
          <ErasureSummary report={erase.data} />
          <div className={styles.actions}>
            <Button variant="primary" onClick={onClose} data-autofocus>
              {t("research.close")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>{t("research.erase.question", { code: participant.code })}</p>
          <p className={styles.muted}>{t("research.erase.irreversible")}</p>
          {erase.error && (
            <p role="alert" className={styles.error}>
              {errorMessage(erase.error)}
            </p>
          )}
          <div className={styles.actions}>
            <Button
              variant="danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate()}
              data-testid="erase-confirm"
            >
              {t("research.erase.confirm")}
            </Button>
            <Button onClick={onClose} data-autofocus>
              {t("research.cancel")}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
