import { ideaStatusesAfter, type Idea, type IdeaStatusChangeRequest } from "@opencjm/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../app/Button.js";
import { DatePicker } from "../../app/DatePicker.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { changeIdeaStatus } from "./ideasApi.js";
import { useIdeaError } from "./useIdeaError.js";
import styles from "./Ideas.module.css";

/** A local day as "YYYY-MM-DD" (the date picker's form). */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The moment sent for a change on `day`: none for today (the server takes now, to the second), else noon of that
 * local day, which is the same calendar day in UTC for every time zone from −11 to +12 hours.
 */
function atOf(day: string, today: string): string | undefined {
  if (day === "" || day >= today) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).toISOString();
}

/**
 * An idea's place in its workflow and the moves open to it: each forward status with the day it happened (today by
 * default; earlier to record a change after the fact, even for an idea entered since; never in the future), rejecting
 * with a reason, and moving to "measured" over the windows the effect panel shows (`measure`).
 */
export function IdeaStatusPanel({
  workspaceId,
  idea,
  canWrite,
  measure,
  onChanged,
}: {
  workspaceId: string;
  idea: Idea;
  canWrite: boolean;
  /** What the move to "measured" records the effect over (the windows shown beside it). */
  measure: Pick<IdeaStatusChangeRequest, "trialDays" | "beforeDays" | "afterDays">;
  onChanged: (idea: Idea) => Promise<void> | void;
}) {
  const { t } = useI18n();
  const describe = useIdeaError();
  const today = localDay(new Date());
  const [day, setDay] = useState(today);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const status = useMutation({
    mutationFn: (next: { status: Idea["status"]; reason?: string }) => {
      const at = atOf(day, today);
      const body: IdeaStatusChangeRequest = {
        ...next,
        ...(at ? { at } : {}),
        ...(next.status === "measured" ? measure : {}),
      };
      return changeIdeaStatus(workspaceId, idea.id, body);
    },
    onSuccess: async (changed) => {
      setRejecting(false);
      setDay(today);
      await onChanged(changed);
    },
  });
  const next = ideaStatusesAfter(idea.status);
  const failure = status.error ? describe(status.error) : undefined;
  return (
    <section aria-label={t("ideas.status.label")} data-testid="idea-status">
      <h3>
        {t("ideas.status.label")}: {t(`vocabulary.ideaStatus.${idea.status}`)}
      </h3>
      {next.length === 0 && <p className={styles.muted}>{t("ideas.status.ended")}</p>}
      {canWrite && next.length > 0 && (
        <div className={styles.statusMoves}>
          <label>
            {t("ideas.status.on")}{" "}
            <DatePicker value={day} max={today} clearable={false} testId="idea-status-date" onChange={setDay} />
          </label>
          {next
            .filter((s) => s !== "rejected")
            .map((s) => (
              <Button key={s} onClick={() => status.mutate({ status: s })} disabled={status.isPending}>
                {t("ideas.status.moveTo", { status: t(`vocabulary.ideaStatus.${s}`) })}
              </Button>
            ))}
          {next.includes("rejected") && !rejecting && (
            <Button onClick={() => setRejecting(true)}>{t("ideas.status.reject")}</Button>
          )}
        </div>
      )}
      {rejecting && (
        <div className={styles.reject}>
          <label>
            {t("ideas.status.reason")}
            <textarea value={reason} dir="auto" onChange={(e) => setReason(e.target.value)} />
          </label>
          <Button
            variant="danger"
            disabled={reason.trim() === "" || status.isPending}
            onClick={() => status.mutate({ status: "rejected", reason })}
          >
            {t("ideas.status.confirmReject")}
          </Button>
        </div>
      )}
      {failure && (
        <p role="alert" className={styles.error}>
          {failure.message}
        </p>
      )}
    </section>
  );
}
